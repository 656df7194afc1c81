using FluentValidation;
using Jiceng.Modules.Members.Domain;
using Mediator;

namespace Jiceng.Modules.Members.ConvertToFullMember;

/// <summary>
/// 转正 (党章第七条): at the end of probation (a year from the admission vote, plus any extension) the branch general
/// meeting votes and the higher committee approves, within three months of the meeting (a later approval needs an
/// override's reason). An on-time conversion dates from the end of the probation, not from the meeting: party
/// standing counts from there. A vote that fails is recorded and the member stays probationary.
/// </summary>
internal sealed record ConvertToFullMemberRequest(
    DateOnly? MeetingOn,
    int? EntitledVoters,
    int? Attended,
    int? VotesFor,
    DateOnly? ApprovedOn,
    string? ApprovedBy,
    StepOverride? Override
) : IProbationDecisionRequest
{
    /// <summary>The meeting and approval, checked by their own validator.</summary>
    public IProbationDecisionRequest Decision() => this;
}

internal sealed record ConvertToFullMemberCommand(Guid Id, ConvertToFullMemberRequest Body) : ICommand<PipelineView>;

internal sealed class ConvertToFullMemberValidator : AbstractValidator<ConvertToFullMemberCommand>
{
    public ConvertToFullMemberValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.Decision())
            .SetValidator(new ProbationDecisionValidator(clock))
            .OverridePropertyName("Body");
        RuleFor(c => c.Body.Override).SetValidator(new StepOverrideValidator());
    }
}

internal sealed class ConvertToFullMemberHandler(MemberSteps steps)
    : ICommandHandler<ConvertToFullMemberCommand, PipelineView>
{
    private const string AdvanceSql = """
        UPDATE members SET stage = 'Full', full_member_on = @fullMemberOn, updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND stage = @expectedStage AND status = 'Active'
          AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<PipelineView> Handle(ConvertToFullMemberCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var step = await steps.StartAsync(command.Id, MemberStage.Probationary, body.Override, cancellationToken);
        var meetingOn = body.MeetingOn!.Value;
        var probationEndsOn = step.ProbationEndsOn;
        step.EnsureNotEarly("meetingOn", meetingOn, PipelineIntervals.Conversion(probationEndsOn, step.Rules));
        MemberStep.EnsureQuorate(body);
        if (!MemberStep.Carried(body))
        {
            return await step.RecordNotCarriedAsync(
                PipelineStep.ConversionRejected,
                body,
                MemberStep.Details(body, carried: false),
                cancellationToken
            );
        }
        var latestApproval = PipelineRules.ConversionApprovalLatest(meetingOn);
        if (PipelineRules.ApprovedLate(body.ApprovedOn!.Value, latestApproval) && body.Override is null)
        {
            throw MemberErrors.ConversionApprovalTooLate(latestApproval);
        }
        var fullMemberOn = PipelineRules.FullMemberOn(probationEndsOn);
        var details = MemberStep.Details(body, carried: true);
        details["fullMemberOn"] = fullMemberOn;
        return await step.AdvanceAsync(
            AdvanceSql,
            new { fullMemberOn },
            PipelineStep.Conversion,
            meetingOn,
            details,
            cancellationToken
        );
    }
}
