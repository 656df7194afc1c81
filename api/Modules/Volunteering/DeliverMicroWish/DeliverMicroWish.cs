using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.DeliverMicroWish;

internal sealed record DeliverMicroWishRequest(DateOnly? DeliveredOn, string? Note);

/// <summary>The claimant delivered the wish (送达): the day and what was handed over.</summary>
internal sealed record DeliverMicroWishCommand(Guid WishId, long ExpectedVersion, DeliverMicroWishRequest Body)
    : ICommand<MicroWishResponse>;

internal sealed class DeliverMicroWishValidator : AbstractValidator<DeliverMicroWishCommand>
{
    public DeliverMicroWishValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.DeliveredOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("送达日期不能晚于今天。", "The delivery date cannot be after today."));
        RuleFor(c => c.Body.Note).MaximumLength(500);
    }
}

internal sealed class DeliverMicroWishHandler(MicroWishSteps steps)
    : ICommandHandler<DeliverMicroWishCommand, MicroWishResponse>
{
    private const string DeliverSql =
        """
            UPDATE micro_wishes
            SET state = 'Delivered', delivered_on = @deliveredOn, delivery_note = @note, updated_at = @now,
                version = version + 1
            """
        + "\n"
        + MicroWishStep.Guard;

    public async ValueTask<MicroWishResponse> Handle(
        DeliverMicroWishCommand command,
        CancellationToken cancellationToken
    )
    {
        var step = await steps.StartAsync(command.WishId, command.ExpectedVersion, WishStep.Deliver, cancellationToken);
        var deliveredOn = command.Body.DeliveredOn!.Value;
        if (step.Wish.ClaimedOn is { } claimedOn && deliveredOn < claimedOn)
        {
            throw VolunteeringErrors.WishDeliveredBeforeClaimed(claimedOn);
        }
        var note = string.IsNullOrWhiteSpace(command.Body.Note) ? null : VisibleText.Trim(command.Body.Note);
        return await step.AdvanceAsync(
            DeliverSql,
            new { deliveredOn, note },
            new
            {
                state = nameof(WishState.Delivered),
                deliveredOn,
                note,
            },
            cancellationToken
        );
    }
}
