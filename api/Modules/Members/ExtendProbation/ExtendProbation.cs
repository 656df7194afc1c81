using FluentValidation;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Modules.Members.Domain;
using Mediator;

namespace Jiceng.Modules.Members.ExtendProbation;

/// <summary>
/// 延长预备期 (党章第七条): once only, by the region's minimum to maximum months (the Constitution: six months to a
/// year), decided by the branch general meeting when the probation ends and approved by the higher committee. A vote
/// that fails is recorded and the probation stands as it was.
/// </summary>
internal sealed record ExtendProbationRequest(
    DateOnly? MeetingOn,
    int? EntitledVoters,
    int? Attended,
    int? VotesFor,
    DateOnly? ApprovedOn,
    string? ApprovedBy,
    int? Months,
    string? Reason
) : IProbationDecisionRequest
{
    /// <summary>The meeting and approval, checked by their own validator.</summary>
    public IProbationDecisionRequest Decision() => this;
}

internal sealed record ExtendProbationCommand(Guid Id, ExtendProbationRequest Body) : ICommand<PipelineView>;

internal sealed class ExtendProbationValidator : AbstractValidator<ExtendProbationCommand>
{
    public ExtendProbationValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.Decision())
            .SetValidator(new ProbationDecisionValidator(clock))
            .OverridePropertyName("Body");
        RuleFor(c => c.Body.Months).NotNull().InclusiveBetween(1, 60);
        RuleFor(c => c.Body.Reason).RequiredText().MaximumLength(500);
    }
}

internal sealed class ExtendProbationHandler(MemberSteps steps) : ICommandHandler<ExtendProbationCommand, PipelineView>
{
    // "extension_months IS NULL" keeps it to one extension even when two requests race.
    private const string AdvanceSql = """
        UPDATE members SET extension_months = @months, updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND stage = @expectedStage AND status = 'Active'
          AND org_path >= @from AND org_path < @to
          AND extension_months IS NULL
        """;

    public async ValueTask<PipelineView> Handle(ExtendProbationCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var step = await steps.StartAsync(command.Id, MemberStage.Probationary, null, cancellationToken);
        var meetingOn = body.MeetingOn!.Value;
        if (step.Member.ExtensionMonths is not null)
        {
            throw MemberErrors.AlreadyExtended(step.Rules.ExtensionMaxMonths);
        }
        step.EnsureProbationEnded(meetingOn);
        var months = body.Months!.Value;
        var (least, most) = (step.Rules.ExtensionMinMonths, step.Rules.ExtensionMaxMonths);
        if (!PipelineRules.ExtensionInRange(months, least.Value, most.Value))
        {
            throw MemberErrors.ExtensionOutOfRange(least, most);
        }
        MemberStep.EnsureQuorate(body);
        var carried = MemberStep.Carried(body);
        var details = MemberStep.Details(body, carried);
        details["months"] = months;
        details["reason"] = body.Reason!.Trim();
        return carried
            ? await step.AdvanceAsync(
                AdvanceSql,
                new { months },
                PipelineStep.Extension,
                meetingOn,
                details,
                cancellationToken
            )
            : await step.RecordNotCarriedAsync(PipelineStep.ExtensionRejected, body, details, cancellationToken);
    }
}
