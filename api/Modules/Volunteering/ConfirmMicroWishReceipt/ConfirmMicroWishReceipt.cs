using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.ConfirmMicroWishReceipt;

internal sealed record ConfirmMicroWishReceiptRequest(DateOnly? ReceivedOn, string? Note);

/// <summary>The resident confirms the wish came true (确认收到): the day and their words, as staff recorded them.
/// </summary>
internal sealed record ConfirmMicroWishReceiptCommand(
    Guid WishId,
    long ExpectedVersion,
    ConfirmMicroWishReceiptRequest Body
) : ICommand<MicroWishResponse>;

internal sealed class ConfirmMicroWishReceiptValidator : AbstractValidator<ConfirmMicroWishReceiptCommand>
{
    public ConfirmMicroWishReceiptValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.ReceivedOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("收到日期不能晚于今天。", "The receipt date cannot be after today."));
        RuleFor(c => c.Body.Note).MaximumLength(500);
    }
}

internal sealed class ConfirmMicroWishReceiptHandler(MicroWishSteps steps)
    : ICommandHandler<ConfirmMicroWishReceiptCommand, MicroWishResponse>
{
    private const string ReceiptSql =
        """
            UPDATE micro_wishes
            SET state = 'Received', received_on = @receivedOn, receipt_note = @note, updated_at = @now,
                version = version + 1
            """
        + "\n"
        + MicroWishStep.Guard;

    public async ValueTask<MicroWishResponse> Handle(
        ConfirmMicroWishReceiptCommand command,
        CancellationToken cancellationToken
    )
    {
        var step = await steps.StartAsync(
            command.WishId,
            command.ExpectedVersion,
            WishStep.ConfirmReceipt,
            cancellationToken
        );
        var receivedOn = command.Body.ReceivedOn!.Value;
        if (step.Wish.DeliveredOn is { } deliveredOn && receivedOn < deliveredOn)
        {
            throw VolunteeringErrors.WishReceivedBeforeDelivered(deliveredOn);
        }
        var note = string.IsNullOrWhiteSpace(command.Body.Note) ? null : VisibleText.Trim(command.Body.Note);
        return await step.AdvanceAsync(
            ReceiptSql,
            new { receivedOn, note },
            new
            {
                state = nameof(WishState.Received),
                receivedOn,
                note,
            },
            cancellationToken
        );
    }
}
