using System.Text.Json;
using Jiceng.Infrastructure.Database;

namespace Jiceng.Modules.Members.Domain;

internal sealed record PipelineStepEntry(
    PipelineStep Step,
    DateOnly OccurredOn,
    JsonElement Details,
    string? OverrideReason,
    DateTimeOffset RecordedAt
);

/// <summary>
/// What comes next and the earliest day it may happen (null when nothing is due, e.g. a full member).
/// </summary>
internal sealed record NextPipelineStep(PipelineStep Step, DateOnly? EarliestOn, string? Rule);

/// <summary>
/// A person's way through the pipeline: the dates so far, every step, and the next one with its earliest date.
/// </summary>
internal sealed record PipelineView(
    Guid MemberId,
    string Name,
    MemberStage Stage,
    MemberStatus Status,
    DateOnly? AppliedOn,
    DateOnly? TalkOn,
    DateOnly? TalkDueBy,
    DateOnly? ActivistOn,
    DateOnly? CandidateOn,
    DateOnly? NoticeEndsOn,
    DateOnly? JoinedOn,
    int? ExtensionMonths,
    DateOnly? ProbationEndsOn,
    DateOnly? FullMemberOn,
    IReadOnlyList<PipelineStepEntry> Steps,
    NextPipelineStep? Next,
    int? DaysUntilNext
);

internal static class PipelineViews
{
    private const string StepsSql = """
        SELECT step, occurred_on, details, override_reason, created_at
        FROM member_steps WHERE member_id = @memberId
        ORDER BY occurred_on, created_at
        """;

    public static NextPipelineStep? Next(MemberRow member, MemberPipelineRules rules) =>
        member.Status != MemberStatus.Active
            ? null
            : member.Stage switch
            {
                MemberStage.Applicant => new(
                    PipelineStep.Activist,
                    member.AppliedOn?.AddMonths(rules.ActivistAfterMonths.Value),
                    rules.ActivistAfterMonths.Source
                ),
                MemberStage.Activist => new(
                    PipelineStep.Candidate,
                    member.ActivistOn?.AddMonths(rules.CandidateAfterMonths.Value),
                    rules.CandidateAfterMonths.Source
                ),
                MemberStage.Candidate => new(
                    PipelineStep.Admission,
                    PipelineRules.EarliestVote(member.NoticeEndsOn, member.CandidateOn),
                    rules.NoticeMinWorkingDays.Source
                ),
                MemberStage.Probationary => new(
                    PipelineStep.Conversion,
                    member.ProbationEndsOn(rules.ProbationMonths.Value),
                    rules.ProbationMonths.Source
                ),
                _ => null,
            };

    public static async Task<PipelineView> LoadAsync(
        DbSession db,
        MemberRow member,
        MemberPipelineRules rules,
        DateOnly today,
        CancellationToken cancellationToken
    )
    {
        var steps = (await db.QueryAsync<StepRow>(StepsSql, new { memberId = member.Id }, cancellationToken))
            .Select(s => new PipelineStepEntry(
                s.Step,
                s.OccurredOn,
                JsonDocument.Parse(s.Details).RootElement.Clone(),
                s.OverrideReason,
                s.CreatedAt
            ))
            .ToList();
        var next = Next(member, rules);
        return new PipelineView(
            member.Id,
            member.Name,
            member.Stage,
            member.Status,
            member.AppliedOn,
            member.TalkOn,
            PipelineRules.TalkDueBy(member),
            member.ActivistOn,
            member.CandidateOn,
            member.NoticeEndsOn,
            member.JoinedOn,
            member.ExtensionMonths,
            member.ProbationEndsOn(rules.ProbationMonths.Value),
            member.FullMemberOn,
            steps,
            next,
            next?.EarliestOn is { } earliest ? Math.Max(0, earliest.DayNumber - today.DayNumber) : null
        );
    }

    private sealed record StepRow
    {
        public PipelineStep Step { get; init; }
        public DateOnly OccurredOn { get; init; }
        public string Details { get; init; } = "{}";
        public string? OverrideReason { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }
}
