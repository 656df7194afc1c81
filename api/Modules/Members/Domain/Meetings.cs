using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Members.Domain;

/// <summary>三会一课 and the theme day: 支部党员大会, 支委会, 党小组会, 党课, 主题党日.</summary>
internal enum MeetingKind
{
    [Label("支部党员大会", "General meeting of members")]
    GeneralMeeting,

    [Label("支委会", "Branch committee meeting")]
    CommitteeMeeting,

    [Label("党小组会", "Party group meeting")]
    GroupMeeting,

    [Label("党课", "Party lecture")]
    PartyLecture,

    [Label("主题党日", "Theme day")]
    ThemeDay,
}

/// <summary>A meeting as recorded and as listed.</summary>
internal sealed record MeetingResponse(
    Guid Id,
    Guid OrganizationId,
    MeetingKind Kind,
    DateOnly HeldOn,
    string? Topic,
    int AttendeeCount
);
