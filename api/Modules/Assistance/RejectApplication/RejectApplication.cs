using FluentValidation;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.RejectApplication;

internal sealed record RejectApplicationRequest(string? Reason);

/// <summary>An approver refuses the application; what the street's approval held is released.</summary>
internal sealed record RejectApplicationCommand(Guid Id, long ExpectedVersion, RejectApplicationRequest Body)
    : ICommand<ApplicationResponse>;

internal sealed class RejectApplicationValidator : AbstractValidator<RejectApplicationCommand>
{
    public RejectApplicationValidator() =>
        RuleFor(c => c.Body.Reason).RequiredText().MaximumLength(500).Field("reason");
}

internal sealed class RejectApplicationHandler(ApplicationSteps steps)
    : ICommandHandler<RejectApplicationCommand, ApplicationResponse>
{
    private const string RejectSql =
        """
            UPDATE assistance_applications SET status = 'Rejected', updated_at = @now, version = version + 1
            """
        + "\n"
        + ApplicationStep.Guard;

    public async ValueTask<ApplicationResponse> Handle(
        RejectApplicationCommand command,
        CancellationToken cancellationToken
    )
    {
        var step = await steps.StartAsync(
            command.Id,
            command.ExpectedVersion,
            cancellationToken,
            ApplicationStatus.Reviewed,
            ApplicationStatus.StreetApproved
        );
        var application = step.Application;
        step.EnsureDifferentPerson("approver", application.ApplicantId, application.PreparerId);
        var response = await step.AdvanceAsync(
            RejectSql,
            new { },
            "Rejected",
            new { reason = command.Body.Reason },
            cancellationToken
        );
        if (application.HoldId is { } hold)
        {
            await FundLedger.ReleaseHoldAsync(step.Db, hold, step.Now, cancellationToken);
        }
        return response;
    }
}
