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
internal sealed record AdmitProbationaryRequest(DateOnly? PreReviewedOn, DateOnly? VoteOn, int? EntitledVoters, int? VotesFor, DateOnly? ApprovedOn,
    StepOverride? Override);

internal sealed record AdmitProbationaryCommand(Guid Id, AdmitProbationaryRequest Body) : ICommand<PipelineView>;

internal sealed class AdmitProbationaryValidator : AbstractValidator<AdmitProbationaryCommand>
{
    public AdmitProbationaryValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.VoteOn).Cascade(CascadeMode.Stop).NotNull().Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("日期不能晚于今天。", "The date cannot be after today."));
        // 《发展党员工作细则》第十九条: the higher committee pre-reviews the candidate before the branch meeting discusses admission.
        RuleFor(c => c.Body.PreReviewedOn).Cascade(CascadeMode.Stop).NotNull()
            .LessThanOrEqualTo(c => c.Body.VoteOn).When(c => c.Body.VoteOn is not null)
            .WithMessage(_ => Localized.Text("上级党委预审应在支部大会之前。", "The higher committee's pre-review comes before the branch meeting."));
        RuleFor(c => c.Body.EntitledVoters).NotNull().InclusiveBetween(1, 100000);
        RuleFor(c => c.Body.VotesFor).NotNull().InclusiveBetween(0, 100000)
            .LessThanOrEqualTo(c => c.Body.EntitledVoters ?? int.MaxValue)
            .WithMessage(_ => Localized.Text("赞成票不能多于有表决权的正式党员人数。", "Yes votes cannot exceed the members entitled to vote."));
        RuleFor(c => c.Body.ApprovedOn).Cascade(CascadeMode.Stop).NotNull().Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("日期不能晚于今天。", "The date cannot be after today."))
            .GreaterThanOrEqualTo(c => c.Body.VoteOn).When(c => c.Body.VoteOn is not null)
            .WithMessage(_ => Localized.Text("审批日期不能早于支部大会日期。", "The approval cannot come before the vote."));
        RuleFor(c => c.Body.Override).SetValidator(new StepOverrideValidator());
    }
}

internal sealed class AdmitProbationaryHandler(PipelineStepContext context) : ICommandHandler<AdmitProbationaryCommand, PipelineView>
{
    private const string UpdateSql = "UPDATE members SET stage = 'Probationary', joined_on = @voteOn, updated_at = @now, version = version + 1\n"
        + PipelineSteps.AdvanceGuard;

    public async ValueTask<PipelineView> Handle(AdmitProbationaryCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var (member, rules, scope) = await context.StartAsync(command.Id, MemberStage.Candidate, cancellationToken);
        var voteOn = body.VoteOn!.Value;
        if (body.PreReviewedOn < member.CandidateOn)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("preReviewedOn", Localized.Text(
                $"预审对象是发展对象，不能早于确定为发展对象之日（{member.CandidateOn:yyyy-MM-dd}）。",
                $"The pre-review is of a candidate: not before the candidate decision ({member.CandidateOn:yyyy-MM-dd})."))]);
        }
        var earliest = PipelineSteps.EarliestVote(member)!.Value;
        PipelineSteps.EnsureNotEarly(context.Caller, body.Override, voteOn, earliest, "admission_too_early", rules.NoticeMinWorkingDays,
            $"支部大会应在公示期满后召开，最早 {earliest:yyyy-MM-dd}。", $"The branch meeting votes after the public notice, on {earliest:yyyy-MM-dd} at the earliest.");
        // The majority is the Constitution's, not a local rule: no override.
        if (body.VotesFor!.Value * 2 <= body.EntitledVoters!.Value)
        {
            throw PipelineErrors.Rule("vote_not_passed", "《中国共产党章程》第五条、《发展党员工作细则》第二十二条：赞成人数超过应到会有表决权的正式党员的半数，才能通过接收预备党员的决议。",
                $"赞成 {body.VotesFor} 票，未超过有表决权的 {body.EntitledVoters} 名正式党员的半数，决议未通过。",
                $"{body.VotesFor} yes votes are not more than half of the {body.EntitledVoters} members entitled to vote: not passed.");
        }
        var latestApproval = voteOn.AddMonths(rules.ApprovalWithinMonths.Value);
        if (body.ApprovedOn > latestApproval && body.Override is null)
        {
            throw new Infrastructure.Http.BusinessRuleException("approval_too_late",
                $"上级党委应在支部大会后 {rules.ApprovalWithinMonths.Value} 个月内审批，最晚 {latestApproval:yyyy-MM-dd}。",
                $"The higher committee approves within {rules.ApprovalWithinMonths.Value} months of the vote, by {latestApproval:yyyy-MM-dd}.",
                new Dictionary<string, object?> { ["latestOn"] = latestApproval.ToString("yyyy-MM-dd"), ["rule"] = rules.ApprovalWithinMonths.Source });
        }
        return await context.FinishAsync(UpdateSql, new { voteOn },
            member, rules, scope, PipelineStep.Admission, voteOn,
            new { preReviewedOn = body.PreReviewedOn, entitledVoters = body.EntitledVoters, votesFor = body.VotesFor, approvedOn = body.ApprovedOn }, body.Override,
            cancellationToken);
    }
}
