using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Calendar.Contracts;
using Jiceng.Modules.Members.Domain;
using Mediator;

namespace Jiceng.Modules.Members.NominateCandidate;

/// <summary>
/// 发展对象: after a year as activist; two full members as introducers (not on probation), the political
/// review, the training, and the public notice (公示) of at least the region's working days.
/// </summary>
internal sealed record NominateCandidateRequest(
    DateOnly? DecidedOn,
    IReadOnlyList<Guid>? IntroducerIds,
    DateOnly? PoliticalReviewOn,
    int? TrainingHours,
    DateOnly? NoticeFrom,
    DateOnly? NoticeTo,
    StepOverride? Override
);

internal sealed record NominateCandidateCommand(Guid Id, NominateCandidateRequest Body) : ICommand<PipelineView>;

internal sealed class NominateCandidateValidator : AbstractValidator<NominateCandidateCommand>
{
    public NominateCandidateValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.DecidedOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("日期不能晚于今天。", "The date cannot be after today."));
        RuleFor(c => c.Body.IntroducerIds)
            .NotNull()
            .Must((c, ids) => ids is { Count: 2 } && ids[0] != ids[1] && !ids.Contains(c.Id))
            .WithMessage(_ =>
                Localized.Text(
                    "须有两名不同的入党介绍人（不能是本人）。",
                    "Two different introducers are needed (not the person themself)."
                )
            );
        RuleFor(c => c.Body.PoliticalReviewOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("日期不能晚于今天。", "The date cannot be after today."));
        RuleFor(c => c.Body.TrainingHours).NotNull().InclusiveBetween(0, 1000);
        // The notice may come before the decision: many places publish it before listing the candidate
        // (确定为发展对象前公示). Either way the vote waits for both (PipelineRules.EarliestVote).
        RuleFor(c => c.Body.NoticeFrom).NotNull();
        RuleFor(c => c.Body.NoticeTo)
            .NotNull()
            .GreaterThanOrEqualTo(c => c.Body.NoticeFrom)
            .When(c => c.Body.NoticeFrom is not null);
        RuleFor(c => c.Body.Override).SetValidator(new StepOverrideValidator());
    }
}

internal sealed class NominateCandidateHandler(MemberSteps steps, DbSession db, IWorkingCalendar calendar)
    : ICommandHandler<NominateCandidateCommand, PipelineView>
{
    private const string AdvanceSql = """
        UPDATE members
        SET stage = 'Candidate', candidate_on = @decidedOn, notice_ends_on = @noticeTo,
            updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND stage = @expectedStage AND status = 'Active'
          AND org_path >= @from AND org_path < @to
        """;

    // Introducers: full members in good standing, inside the caller's subtree.
    private const string FullMembersSql = """
        SELECT COUNT(*) FROM members
        WHERE id {in:ids} AND stage = 'Full' AND status = 'Active' AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<PipelineView> Handle(NominateCandidateCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var step = await steps.StartAsync(command.Id, MemberStage.Activist, body.Override, cancellationToken);
        var rules = step.Rules;
        var decidedOn = body.DecidedOn!.Value;
        step.EnsureNotEarly("decidedOn", decidedOn, PipelineIntervals.Candidate(step.Member.ActivistOn!.Value, rules));
        var fullIntroducers = await db.ExecuteScalarAsync<long>(
            FullMembersSql,
            new
            {
                ids = body.IntroducerIds!.ToArray(),
                from = step.Scope.From,
                to = step.Scope.To,
            },
            cancellationToken
        );
        if (fullIntroducers != 2)
        {
            throw MemberErrors.IntroducerNotFullMember();
        }
        if (body.TrainingHours < rules.TrainingMinHours.Value && body.Override is null)
        {
            throw MemberErrors.TrainingTooShort(rules.TrainingMinHours);
        }
        // Working days as the State Council's notice sets them: Golden Week has none, a 调休 Saturday counts.
        var noticeDays = await calendar.CountWorkingDaysAsync(
            body.NoticeFrom!.Value,
            body.NoticeTo!.Value,
            cancellationToken
        );
        if (noticeDays < rules.NoticeMinWorkingDays.Value && body.Override is null)
        {
            throw MemberErrors.NoticeTooShort(rules.NoticeMinWorkingDays, noticeDays);
        }
        return await step.AdvanceAsync(
            AdvanceSql,
            new { decidedOn, noticeTo = body.NoticeTo },
            PipelineStep.Candidate,
            decidedOn,
            new
            {
                introducerIds = body.IntroducerIds,
                politicalReviewOn = body.PoliticalReviewOn,
                trainingHours = body.TrainingHours,
                noticeFrom = body.NoticeFrom,
                noticeTo = body.NoticeTo,
                noticeWorkingDays = noticeDays,
            },
            cancellationToken
        );
    }
}
