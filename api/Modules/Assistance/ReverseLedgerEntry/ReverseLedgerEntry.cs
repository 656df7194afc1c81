using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.ReverseLedgerEntry;

internal sealed record ReverseLedgerEntryRequest(string? Reason);

/// <summary>
/// A correction: nothing is edited; a new entry of the opposite amount names the entry it reverses (once). An
/// allocation down is reversed on both sides (the fund below must still have it free). An application's payment
/// is not reversed here: the application keeps its own record.
/// </summary>
internal sealed record ReverseLedgerEntryCommand(Guid Id, Guid EntryId, ReverseLedgerEntryRequest Body)
    : ICommand<LedgerEntryResponse>;

internal sealed class ReverseLedgerEntryValidator : AbstractValidator<ReverseLedgerEntryCommand>
{
    public ReverseLedgerEntryValidator() =>
        RuleFor(c => c.Body.Reason).RequiredText().MaximumLength(500).Field("reason");
}

internal sealed class ReverseLedgerEntryHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    TimeProvider clock
) : ICommandHandler<ReverseLedgerEntryCommand, LedgerEntryResponse>
{
    private const string EntrySql =
        "SELECT " + LedgerEntries.Columns + " FROM assistance_ledger_entries WHERE id = @entryId AND fund_id = @fundId";

    private const string ApplicationPaymentSql =
        "SELECT COUNT(*) FROM assistance_applications WHERE entry_id = @entryId";

    private const string ReversedSql =
        "SELECT COUNT(*) FROM assistance_ledger_entries WHERE reverses_entry_id = @entryId";

    public async ValueTask<LedgerEntryResponse> Handle(
        ReverseLedgerEntryCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var fund = await Funds.FindAsync(db, scope, command.Id, cancellationToken);
        var entry =
            await db.QuerySingleOrDefaultAsync<LedgerEntryRow>(
                EntrySql,
                new { entryId = command.EntryId, fundId = fund.Id },
                cancellationToken
            ) ?? throw new NotFoundException("entry");
        var reversible =
            entry.Kind is LedgerEntryKind.Income or LedgerEntryKind.AllocationOut or LedgerEntryKind.Disbursement;
        if (
            !reversible
            || await db.ExecuteScalarAsync<long>(ApplicationPaymentSql, new { entryId = entry.Id }, cancellationToken)
                > 0
        )
        {
            throw AssistanceErrors.EntryNotReversible(entry.Kind);
        }
        if (await db.ExecuteScalarAsync<long>(ReversedSql, new { entryId = entry.Id }, cancellationToken) > 0)
        {
            throw AssistanceErrors.EntryAlreadyReversed();
        }
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var reason = command.Body.Reason!.Trim();
        // The receipt below (the opposite amount) is reversed first: its conditional debit decides whether the money
        // is still there to take back.
        if (entry is { Kind: LedgerEntryKind.AllocationOut, CounterEntryId: { } inId, CounterFundId: { } below })
        {
            await FundLedger.PostAsync(
                db,
                new LedgerPosting(below, LedgerEntryKind.Reversal, Money.FromFen(entry.Amount), today)
                {
                    Source = entry.Source,
                    ReversesEntryId = inId,
                    Reason = reason,
                },
                callers.Current,
                now,
                cancellationToken
            );
        }
        var id = await FundLedger.PostAsync(
            db,
            new LedgerPosting(fund.Id, LedgerEntryKind.Reversal, Money.FromFen(-entry.Amount), today)
            {
                Source = entry.Source,
                ReversesEntryId = entry.Id,
                PayeeMemberId = entry.PayeeMemberId,
                PaymentKind = entry.PaymentKind,
                SubjectId = entry.SubjectId,
                Reason = reason,
            },
            callers.Current,
            now,
            cancellationToken
        );
        var posted = await db.QuerySingleOrDefaultAsync<LedgerEntryRow>(
            EntrySql,
            new { entryId = id, fundId = fund.Id },
            cancellationToken
        );
        return posted!.ToResponse();
    }
}
