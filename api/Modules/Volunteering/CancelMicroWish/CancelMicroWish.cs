using FluentValidation;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.CancelMicroWish;

internal sealed record CancelMicroWishRequest(string? Reason);

/// <summary>An open or claimed wish will not come true (no longer wanted, the resident moved): kept with the reason.
/// </summary>
internal sealed record CancelMicroWishCommand(Guid WishId, long ExpectedVersion, CancelMicroWishRequest Body)
    : ICommand<MicroWishResponse>;

internal sealed class CancelMicroWishValidator : AbstractValidator<CancelMicroWishCommand>
{
    public CancelMicroWishValidator() => RuleFor(c => c.Body.Reason).RequiredText().MaximumLength(500);
}

internal sealed class CancelMicroWishHandler(MicroWishSteps steps, TimeProvider clock)
    : ICommandHandler<CancelMicroWishCommand, MicroWishResponse>
{
    private const string CancelSql =
        """
            UPDATE micro_wishes
            SET state = 'Cancelled', cancelled_on = @cancelledOn, cancel_reason = @reason, updated_at = @now,
                version = version + 1
            """
        + "\n"
        + MicroWishStep.Guard;

    public async ValueTask<MicroWishResponse> Handle(
        CancelMicroWishCommand command,
        CancellationToken cancellationToken
    )
    {
        var step = await steps.StartAsync(command.WishId, command.ExpectedVersion, WishStep.Cancel, cancellationToken);
        var reason = VisibleText.Trim(command.Body.Reason);
        var cancelledOn = clock.Today();
        return await step.AdvanceAsync(
            CancelSql,
            new { cancelledOn, reason },
            new
            {
                state = nameof(WishState.Cancelled),
                cancelledOn,
                reason,
            },
            cancellationToken
        );
    }
}
