using FluentValidation;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Modules.Members.Domain;
using Mediator;

namespace Jiceng.Modules.Members.CancelProbation;

/// <summary>
/// 取消预备党员资格 (党章第七条): decided by the branch general meeting when the probation (with any extension) ends
/// and approved by the higher committee; the record stays, with status Cancelled. A vote that fails is recorded and
/// the member stays probationary.
/// </summary>
internal sealed record CancelProbationRequest(
    DateOnly? MeetingOn,
    int? EntitledVoters,
    int? Attended,
    int? VotesFor,
    DateOnly? ApprovedOn,
    string? ApprovedBy,
    string? Reason
) : IProbationDecisionRequest
{
    /// <summary>The meeting and approval, checked by their own validator.</summary>
    public IProbationDecisionRequest Decision() => this;
}

internal sealed record CancelProbationCommand(Guid Id, CancelProbationRequest Body) : ICommand<PipelineView>;

internal sealed class CancelProbationValidator : AbstractValidator<CancelProbationCommand>
{
    public CancelProbationValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.Decision())
            .SetValidator(new ProbationDecisionValidator(clock))
            .OverridePropertyName("Body");
        RuleFor(c => c.Body.Reason).RequiredText().MaximumLength(500);
    }
}

internal sealed class CancelProbationHandler(MemberSteps steps) : ICommandHandler<CancelProbationCommand, PipelineView>
{
    private const string AdvanceSql = """
        UPDATE members SET status = 'Cancelled', updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND stage = @expectedStage AND status = 'Active'
          AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<PipelineView> Handle(CancelProbationCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var step = await steps.StartAsync(command.Id, MemberStage.Probationary, null, cancellationToken);
        var meetingOn = body.MeetingOn!.Value;
        step.EnsureProbationEnded(meetingOn);
        MemberStep.EnsureQuorate(body);
        var carried = MemberStep.Carried(body);
        var details = MemberStep.Details(body, carried);
        details["reason"] = body.Reason!.Trim();
        return carried
            ? await step.AdvanceAsync(
                AdvanceSql,
                new { },
                PipelineStep.Cancellation,
                meetingOn,
                details,
                cancellationToken
            )
            : await step.RecordNotCarriedAsync(PipelineStep.CancellationRejected, body, details, cancellationToken);
    }
}
