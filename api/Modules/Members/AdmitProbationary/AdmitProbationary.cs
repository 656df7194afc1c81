using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Members.Domain;
using Mediator;

namespace Jiceng.Modules.Members.AdmitProbationary;

/// <summary>
/// 预备党员: the higher committee's pre-review (预审) of the candidate, then the branch general meeting's vote
/// (yes votes more than half of the full members entitled to vote) after the public notice, and the higher
/// committee's approval within the region's months. Probation counts from the vote, which becomes the join date.
/// </summary>
internal sealed record AdmitProbationaryRequest(
    DateOnly? PreReviewedOn,
    DateOnly? VoteOn,
    int? EntitledVoters,
    int? VotesFor,
    DateOnly? ApprovedOn,
    StepOverride? Override
);

internal sealed record AdmitProbationaryCommand(Guid Id, AdmitProbationaryRequest Body) : ICommand<PipelineView>;

internal sealed class AdmitProbationaryValidator : AbstractValidator<AdmitProbationaryCommand>
{
    public AdmitProbationaryValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.VoteOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("日期不能晚于今天。", "The date cannot be after today."));
        // 《发展党员工作细则》第十九条: the higher committee pre-reviews the candidate before the branch meeting discusses admission.
        RuleFor(c => c.Body.PreReviewedOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .LessThanOrEqualTo(c => c.Body.VoteOn)
            .When(c => c.Body.VoteOn is not null)
            .WithMessage(_ =>
                Localized.Text(
                    "上级党委预审应在支部大会之前。",
                    "The higher committee's pre-review comes before the branch meeting."
                )
            );
        RuleFor(c => c.Body.EntitledVoters).NotNull().InclusiveBetween(1, 100000);
        RuleFor(c => c.Body.VotesFor)
            .NotNull()
            .InclusiveBetween(0, 100000)
            .LessThanOrEqualTo(c => c.Body.EntitledVoters ?? int.MaxValue)
            .WithMessage(_ =>
                Localized.Text(
                    "赞成票不能多于有表决权的正式党员人数。",
                    "Yes votes cannot exceed the members entitled to vote."
                )
            );
        RuleFor(c => c.Body.ApprovedOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("日期不能晚于今天。", "The date cannot be after today."))
            .GreaterThanOrEqualTo(c => c.Body.VoteOn)
            .When(c => c.Body.VoteOn is not null)
            .WithMessage(_ =>
                Localized.Text("审批日期不能早于支部大会日期。", "The approval cannot come before the vote.")
            );
        RuleFor(c => c.Body.Override).SetValidator(new StepOverrideValidator());
    }
}

internal sealed class AdmitProbationaryHandler(MemberSteps steps)
    : ICommandHandler<AdmitProbationaryCommand, PipelineView>
{
    private const string AdvanceSql = """
        UPDATE members SET stage = 'Probationary', joined_on = @voteOn, updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND stage = @expectedStage AND status = 'Active'
          AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<PipelineView> Handle(AdmitProbationaryCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var step = await steps.StartAsync(command.Id, MemberStage.Candidate, body.Override, cancellationToken);
        var (member, rules) = (step.Member, step.Rules);
        var voteOn = body.VoteOn!.Value;
        if (body.PreReviewedOn < member.CandidateOn)
        {
            throw MemberErrors.PreReviewBeforeCandidacy(member.CandidateOn);
        }
        var earliestVote = PipelineRules.EarliestVote(member.NoticeEndsOn, member.CandidateOn)!.Value;
        step.EnsureNotEarly("voteOn", voteOn, PipelineIntervals.Admission(earliestVote, rules));
        // The majority is the Constitution's, not a local rule: no override.
        if (!PipelineRules.VotePasses(body.VotesFor!.Value, body.EntitledVoters!.Value))
        {
            throw MemberErrors.VoteNotPassed(body.VotesFor.Value, body.EntitledVoters.Value);
        }
        var latestApproval = PipelineRules.MonthsAfter(voteOn, rules.ApprovalWithinMonths.Value);
        if (body.ApprovedOn > latestApproval && body.Override is null)
        {
            throw MemberErrors.ApprovalTooLate(latestApproval, rules.ApprovalWithinMonths);
        }
        return await step.AdvanceAsync(
            AdvanceSql,
            new { voteOn },
            PipelineStep.Admission,
            voteOn,
            new
            {
                preReviewedOn = body.PreReviewedOn,
                entitledVoters = body.EntitledVoters,
                votesFor = body.VotesFor,
                approvedOn = body.ApprovedOn,
            },
            cancellationToken
        );
    }
}
