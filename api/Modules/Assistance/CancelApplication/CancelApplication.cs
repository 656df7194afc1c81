using FluentValidation;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.CancelApplication;

internal sealed record CancelApplicationRequest(string? Reason);

/// <summary>The application is withdrawn before it is paid; any amount held is released.</summary>
internal sealed record CancelApplicationCommand(Guid Id, long ExpectedVersion, CancelApplicationRequest Body)
    : ICommand<ApplicationResponse>;

internal sealed class CancelApplicationValidator : AbstractValidator<CancelApplicationCommand>
{
    public CancelApplicationValidator() =>
        RuleFor(c => c.Body.Reason).RequiredText().MaximumLength(500).Field("reason");
}

internal sealed class CancelApplicationHandler(ApplicationSteps steps)
    : ICommandHandler<CancelApplicationCommand, ApplicationResponse>
{
    private const string CancelSql =
        """
            UPDATE assistance_applications SET status = 'Cancelled', updated_at = @now, version = version + 1
            """
        + "\n"
        + ApplicationStep.Guard;

    public async ValueTask<ApplicationResponse> Handle(
        CancelApplicationCommand command,
        CancellationToken cancellationToken
    )
    {
        var step = await steps.StartAsync(
            command.Id,
            command.ExpectedVersion,
            cancellationToken,
            ApplicationStatus.Submitted,
            ApplicationStatus.Reviewed,
            ApplicationStatus.StreetApproved,
            ApplicationStatus.Approved
        );
        var response = await step.AdvanceAsync(
            CancelSql,
            new { },
            "Cancelled",
            new { reason = command.Body.Reason },
            cancellationToken
        );
        if (step.Application.HoldId is { } hold)
        {
            await FundLedger.ReleaseHoldAsync(step.Db, hold, step.Now, cancellationToken);
        }
        return response;
    }
}
