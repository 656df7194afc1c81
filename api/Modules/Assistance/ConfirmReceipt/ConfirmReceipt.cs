using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.ConfirmReceipt;

internal sealed record ConfirmReceiptRequest(DateOnly? ConfirmedOn, string? Note);

/// <summary>The recipient's confirmation that the payment (or the goods) arrived.</summary>
internal sealed record ConfirmReceiptCommand(Guid Id, long ExpectedVersion, ConfirmReceiptRequest Body)
    : ICommand<ApplicationResponse>;

internal sealed class ConfirmReceiptValidator : AbstractValidator<ConfirmReceiptCommand>
{
    public ConfirmReceiptValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.ConfirmedOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("确认日期不能晚于今天。", "The confirmation cannot be after today."))
            .Field("confirmedOn");
        RuleFor(c => c.Body.Note).MaximumLength(500).Field("note");
    }
}

internal sealed class ConfirmReceiptHandler(ApplicationSteps steps)
    : ICommandHandler<ConfirmReceiptCommand, ApplicationResponse>
{
    private const string ConfirmSql =
        """
            UPDATE assistance_applications SET status = 'Confirmed', confirmed_on = @confirmedOn, updated_at = @now,
                version = version + 1
            """
        + "\n"
        + ApplicationStep.Guard;

    public async ValueTask<ApplicationResponse> Handle(
        ConfirmReceiptCommand command,
        CancellationToken cancellationToken
    )
    {
        var step = await steps.StartAsync(
            command.Id,
            command.ExpectedVersion,
            cancellationToken,
            ApplicationStatus.Paid
        );
        return await step.AdvanceAsync(
            ConfirmSql,
            new { confirmedOn = command.Body.ConfirmedOn },
            "Confirmed",
            new { confirmedOn = command.Body.ConfirmedOn, note = command.Body.Note },
            cancellationToken
        );
    }
}
