using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.ReversePayout;

/// A paid payout taken back (paid to the wrong person, paid twice by hand): a new entry of the negative amount,
/// settled on its date, pointing at the one it reverses, which stays paid. A payout is reversed once; a reversal is
/// never reversed.
internal sealed record ReversePayoutRequest(DateOnly? ReversedOn, string? Reason);

internal sealed record ReversePayoutCommand(Guid Id, long ExpectedVersion, ReversePayoutRequest Body)
    : ICommand<PayoutView>;

internal sealed class ReversePayoutValidator : AbstractValidator<ReversePayoutCommand>
{
    public ReversePayoutValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.ReversedOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("日期不能晚于今天。", "The date cannot be after today."));
        RuleFor(c => c.Body.Reason).RequiredText().MaximumLength(200);
    }
}

internal sealed class ReversePayoutHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    TimeProvider clock
) : ICommandHandler<ReversePayoutCommand, PayoutView>
{
    private const string GuardSql = """
        UPDATE dividend_payouts SET version = version + 1
        WHERE id = @id AND version = @version AND status = 'Paid' AND kind <> 'Reversal'
          AND org_path >= @from AND org_path < @to
          AND NOT EXISTS (SELECT 1 FROM dividend_payouts r WHERE r.related_id = @id AND r.kind = 'Reversal')
        """;

    public async ValueTask<PayoutView> Handle(ReversePayoutCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var guarded = await db.ExecuteAsync(
            GuardSql,
            new
            {
                id = command.Id,
                version = command.ExpectedVersion,
                from = scope.From,
                to = scope.To,
            },
            cancellationToken
        );
        if (guarded == 0)
        {
            throw await PayoutLedger.RefusalAsync(
                db,
                scope,
                command.Id,
                command.ExpectedVersion,
                p =>
                    p.Kind == PayoutKind.Reversal ? DividendsErrors.PayoutNotReversible(p.Kind.ToString())
                    : p.Status != PayoutStatus.Paid ? DividendsErrors.PayoutNotPaid()
                    : DividendsErrors.PayoutAlreadyHandled(),
                cancellationToken
            );
        }
        var id = await PayoutLedger.AddFollowerAsync(
            db,
            command.Id,
            PayoutKind.Reversal,
            PayoutStatus.Paid,
            command.Body.ReversedOn!.Value,
            command.Body.Reason!.Trim(),
            callers.Current,
            clock.GetUtcNow(),
            cancellationToken
        );
        return (await Payouts.FindAsync(db, scope, id, cancellationToken)).View();
    }
}
