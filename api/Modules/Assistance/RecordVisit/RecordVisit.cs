using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.RecordVisit;

internal sealed record RecordVisitRequest(
    DateOnly? VisitedOn,
    string? Visitors,
    Money? Money,
    Guid? FundId,
    string? Reference,
    string? Goods,
    Money? GoodsValue,
    string? Note
);

/// <summary>
/// Records a visit once: who went, when, and what was given. Money is paid out of the fund through its ledger (the
/// fund's balance, its no-overdraft rule and the yearly cap per person apply); goods are recorded with their value.
/// Requires If-Match; takes an Idempotency-Key, so a retry never pays twice.
/// </summary>
internal sealed record RecordVisitCommand(Guid VisitId, long ExpectedVersion, RecordVisitRequest Body)
    : ICommand<VisitResponse>;

internal sealed class RecordVisitValidator : AbstractValidator<RecordVisitCommand>
{
    public RecordVisitValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.VisitedOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("走访日期不能晚于今天。", "The visit cannot be dated after today."));
        RuleFor(c => c.Body.Visitors).RequiredText().MaximumLength(200);
        RuleFor(c => c.Body.Money!.Value.Fen)
            .InclusiveBetween(0, 100_000_00)
            .When(c => c.Body.Money is not null)
            .OverridePropertyName("money");
        RuleFor(c => c.Body.GoodsValue!.Value.Fen)
            .InclusiveBetween(0, 100_000_00)
            .When(c => c.Body.GoodsValue is not null)
            .OverridePropertyName("goodsValue");
        RuleFor(c => c.Body.Goods).RequiredText().MaximumLength(200).When(c => c.Body.GoodsValue is { Fen: > 0 });
        RuleFor(c => c.Body.Goods).MaximumLength(200);
        RuleFor(c => c.Body.Reference).MaximumLength(200);
        RuleFor(c => c.Body.Note).MaximumLength(500);
    }
}

internal sealed class RecordVisitHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    AssistanceRuleSets rules,
    TimeProvider clock
) : ICommandHandler<RecordVisitCommand, VisitResponse>
{
    // The whole guard: the version read, still due, inside the caller's scope.
    private const string RecordSql = """
        UPDATE assistance_visits SET status = 'Visited', visited_on = @visitedOn, visitors = @visitors, money = @money,
            fund_id = @fundId, ledger_entry_id = @ledgerEntryId, goods = @goods, goods_value = @goodsValue,
            note = @note, updated_at = @now, version = version + 1
        WHERE id = @id AND version = @expectedVersion AND status = 'Due' AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<VisitResponse> Handle(RecordVisitCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var scope = await currentScope.GetAsync(cancellationToken);
        var found = new
        {
            id = command.VisitId,
            from = scope.From,
            to = scope.To,
        };
        var visit =
            await db.QuerySingleOrDefaultAsync<VisitRow>(Visits.FindSql, found, cancellationToken)
            ?? throw new NotFoundException("Visit");
        // If-Match first: a stale copy is 412 even when what changed was the visit's status.
        if (visit.Version != command.ExpectedVersion)
        {
            throw new PreconditionFailedException();
        }
        if (visit.Status != VisitStatus.Due)
        {
            throw AssistanceErrors.VisitAlreadyRecorded();
        }
        var visitedOn = body.VisitedOn!.Value;
        if (visitedOn < visit.WindowOpensOn)
        {
            throw AssistanceErrors.VisitBeforeList(visit.WindowOpensOn);
        }
        var money = body.Money ?? Money.Zero;
        var now = clock.GetUtcNow();
        var paying = money > Money.Zero;
        if (paying && body.FundId is null)
        {
            throw AssistanceErrors.PaymentNeedsFund();
        }
        if (paying)
        {
            await CarePlaces.EnsureFundCoversAsync(db, body.FundId!.Value, visit.OrgPath, scope, cancellationToken);
        }
        // The visit is recorded first and paid last, so the fund's row (which every payment out of it waits on) is
        // locked only at the end; the entry's id is chosen now for the visit to name it.
        Guid? entryId = paying ? Guid.CreateVersion7() : null;
        // The answer is the row read with what this statement writes (the guard makes them the same row).
        var row = visit with
        {
            Status = VisitStatus.Visited,
            VisitedOn = visitedOn,
            Visitors = body.Visitors!.Trim(),
            Money = money,
            FundId = paying ? body.FundId : null,
            LedgerEntryId = entryId,
            Goods = string.IsNullOrWhiteSpace(body.Goods) ? null : body.Goods.Trim(),
            GoodsValue = body.GoodsValue ?? Money.Zero,
            Note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim(),
            Version = visit.Version + 1,
        };
        var updated = await db.ExecuteAsync(
            RecordSql,
            new
            {
                found.id,
                found.from,
                found.to,
                expectedVersion = command.ExpectedVersion,
                visitedOn,
                visitors = row.Visitors,
                money = money.Fen,
                fundId = row.FundId,
                ledgerEntryId = entryId,
                goods = row.Goods,
                goodsValue = row.GoodsValue.Fen,
                note = row.Note,
                now,
            },
            cancellationToken
        );
        if (updated == 0)
        {
            var reread = await db.QuerySingleOrDefaultAsync<VisitRow>(Visits.FindSql, found, cancellationToken);
            throw reread is { Status: VisitStatus.Visited } && reread.Version == command.ExpectedVersion
                ? AssistanceErrors.VisitAlreadyRecorded()
                : new PreconditionFailedException();
        }
        if (paying)
        {
            var fundId = body.FundId!.Value;
            var caller = callers.Current;
            if (visit.MemberId is { } memberId)
            {
                var region = await rules.ForRegionAsync(visit.RegionRootId, cancellationToken);
                // The yearly cap is decided by the payment's own conditional count (FundLedger), not read first.
                await FundLedger.PayAsync(
                    db,
                    new FundPayment(fundId, money, memberId, PaymentKind.Visit, visit.Id, visitedOn, body.Reference)
                    {
                        Cap = CapGuard.Of(region, "money"),
                    },
                    caller,
                    now,
                    cancellationToken,
                    entryId
                );
            }
            else
            {
                // A martyr's family is no member: the entry names them in its reference instead of a payee.
                await FundLedger.PostAsync(
                    db,
                    new LedgerPosting(fundId, LedgerEntryKind.Disbursement, Money.FromFen(-money.Fen), visitedOn)
                    {
                        PaymentKind = PaymentKind.Visit,
                        SubjectId = visit.Id,
                        Reference = body.Reference ?? visit.Name,
                        Purpose = visit.Relation,
                    },
                    caller,
                    now,
                    cancellationToken,
                    entryId
                );
            }
        }
        return row.ToResponse(clock.Today());
    }
}
