using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.ReissuePayout;

/// A failed transfer paid again: a new unpaid entry for the same payee and amount, pointing at the failed one
/// (which stays failed, as history). A failed entry is re-issued once.
internal sealed record ReissuePayoutRequest(string? Note);

internal sealed record ReissuePayoutCommand(Guid Id, long ExpectedVersion, ReissuePayoutRequest Body)
    : ICommand<PayoutView>;

internal sealed class ReissuePayoutValidator : AbstractValidator<ReissuePayoutCommand>
{
    public ReissuePayoutValidator() => RuleFor(c => c.Body.Note).MaximumLength(200);
}

internal sealed class ReissuePayoutHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    TimeProvider clock
) : ICommandHandler<ReissuePayoutCommand, PayoutView>
{
    private const string GuardSql = """
        UPDATE dividend_payouts SET version = version + 1
        WHERE id = @id AND version = @version AND status = 'Failed' AND org_path >= @from AND org_path < @to
          AND NOT EXISTS (SELECT 1 FROM dividend_payouts f WHERE f.related_id = @id AND f.kind = 'Reissue')
        """;

    public async ValueTask<PayoutView> Handle(ReissuePayoutCommand command, CancellationToken cancellationToken)
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
                    p.Status == PayoutStatus.Failed
                        ? DividendsErrors.PayoutAlreadyHandled()
                        : DividendsErrors.PayoutNotFailed(),
                cancellationToken
            );
        }
        var note = string.IsNullOrWhiteSpace(command.Body.Note) ? null : command.Body.Note.Trim();
        var id = await PayoutLedger.AddFollowerAsync(
            db,
            command.Id,
            PayoutKind.Reissue,
            PayoutStatus.Unpaid,
            null,
            note,
            callers.Current,
            clock.GetUtcNow(),
            cancellationToken
        );
        return (await Payouts.FindAsync(db, scope, id, cancellationToken)).View();
    }
}
