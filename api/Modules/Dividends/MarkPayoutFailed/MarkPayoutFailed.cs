using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.MarkPayoutFailed;

/// The bank could not transfer an unpaid payout (a closed account, a wrong name): the entry is marked failed with
/// the bank's reason, once; the money is paid by a re-issue, a new entry.
internal sealed record MarkPayoutFailedRequest(string? Reason);

internal sealed record MarkPayoutFailedCommand(Guid Id, long ExpectedVersion, MarkPayoutFailedRequest Body)
    : ICommand<PayoutView>;

internal sealed class MarkPayoutFailedValidator : AbstractValidator<MarkPayoutFailedCommand>
{
    public MarkPayoutFailedValidator() => RuleFor(c => c.Body.Reason).RequiredText().MaximumLength(200);
}

internal sealed class MarkPayoutFailedHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    TimeProvider clock
) : ICommandHandler<MarkPayoutFailedCommand, PayoutView>
{
    private const string FailSql = """
        UPDATE dividend_payouts SET status = 'Failed', failure_reason = @reason, recorded_by_name = @by,
            recorded_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND status = 'Unpaid' AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<PayoutView> Handle(MarkPayoutFailedCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var updated = await db.ExecuteAsync(
            FailSql,
            new
            {
                id = command.Id,
                version = command.ExpectedVersion,
                reason = command.Body.Reason!.Trim(),
                by = callers.Current.ShownName,
                now = clock.GetUtcNow(),
                from = scope.From,
                to = scope.To,
            },
            cancellationToken
        );
        if (updated == 0)
        {
            throw await PayoutLedger.RefusalAsync(
                db,
                scope,
                command.Id,
                command.ExpectedVersion,
                p => DividendsErrors.PayoutNotUnpaid(p.Status.ToString()),
                cancellationToken
            );
        }
        return (await Payouts.FindAsync(db, scope, command.Id, cancellationToken)).View();
    }
}
