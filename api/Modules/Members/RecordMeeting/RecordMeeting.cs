using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Members.RecordMeeting;

internal sealed record RecordMeetingRequest(
    Guid? OrganizationId,
    MeetingKind? Kind,
    DateOnly? HeldOn,
    string? Topic,
    IReadOnlyList<Guid>? AttendeeIds
);

/// <summary>A meeting with its attendees, in one call; each
/// attendee's last organization-life date follows from it.</summary>
internal sealed record RecordMeetingCommand(RecordMeetingRequest Body) : ICommand<MeetingResponse>;

internal sealed class RecordMeetingValidator : AbstractValidator<RecordMeetingCommand>
{
    public RecordMeetingValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.OrganizationId).NotEmpty();
        RuleFor(c => c.Body.Kind).NotNull().IsInEnum();
        RuleFor(c => c.Body.HeldOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("会议日期不能晚于今天。", "The meeting date cannot be after today."));
        RuleFor(c => c.Body.Topic).MaximumLength(200);
        RuleFor(c => c.Body.AttendeeIds)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(ids => ids!.Count is >= 1 and <= 2000 && ids.Distinct().Count() == ids.Count)
            .WithMessage(_ => Localized.Text("参会党员 1 至 2000 人，不能重复。", "1 to 2000 attendees, each once."));
    }
}

internal sealed class RecordMeetingHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    CallerAccessor callers,
    TimeProvider clock
) : ICommandHandler<RecordMeetingCommand, MeetingResponse>
{
    // Attendees must be active members of the meeting's organization (its own members, not the subtree's).
    private const string AttendeesSql =
        "SELECT COUNT(*) FROM members WHERE id {in:ids} AND org_id = @orgId AND status = 'Active'";

    private const string InsertMeetingSql = """
        INSERT INTO org_meetings (id, org_id, kind, held_on, topic, attendee_count, recorded_by, created_at)
        VALUES (@id, @orgId, @kind, @heldOn, @topic, @count, @recordedBy, @now)
        """;

    private const string InsertAttendeesSql = """
        INSERT INTO org_meeting_attendees (meeting_id, member_id)
        SELECT @meetingId, id FROM members WHERE id {in:ids}
        """;

    // A meeting recorded late never moves the date backwards.
    private const string LastLifeSql = """
        UPDATE members SET last_org_life_on = @heldOn, updated_at = @now, version = version + 1
        WHERE id {in:ids} AND (last_org_life_on IS NULL OR last_org_life_on < @heldOn)
        """;

    public async ValueTask<MeetingResponse> Handle(RecordMeetingCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var scope = await currentScope.GetAsync(cancellationToken);
        var organization =
            await organizations.FindWithinAsync(body.OrganizationId!.Value, scope, cancellationToken)
            ?? throw Domain.MemberErrors.OrganizationNotFound();
        var ids = body.AttendeeIds!.ToArray();
        if (
            await db.ExecuteScalarAsync<long>(AttendeesSql, new { ids, orgId = organization.Id }, cancellationToken)
            != ids.Length
        )
        {
            throw Domain.MemberErrors.AttendeesOutsideOrganization();
        }
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        await db.ExecuteAsync(
            InsertMeetingSql,
            new
            {
                id,
                orgId = organization.Id,
                kind = body.Kind!.Value.ToString(),
                heldOn = body.HeldOn!.Value,
                topic = body.Topic?.Trim(),
                count = ids.Length,
                recordedBy = callers.Current.Id,
                now,
            },
            cancellationToken
        );
        await db.ExecuteAsync(InsertAttendeesSql, new { meetingId = id, ids }, cancellationToken);
        await db.ExecuteAsync(
            LastLifeSql,
            new
            {
                ids,
                heldOn = body.HeldOn!.Value,
                now,
            },
            cancellationToken
        );
        return new MeetingResponse(
            id,
            organization.Id,
            body.Kind!.Value,
            body.HeldOn!.Value,
            body.Topic?.Trim(),
            ids.Length
        );
    }
}
