using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Jiceng.Modules.Members.Contracts;
using Mediator;

namespace Jiceng.Modules.Assistance.GetMemberLedger;

internal sealed record GetMemberLedgerQuery(Guid MemberId) : IQuery<MemberLedgerResponse>;

/// <summary>A hardship entry as the ledger page shows it (no notes: those stay in Members, behind its reveal).
/// </summary>
internal sealed record LedgerHardship(
    Guid Id,
    string Category,
    DateOnly Since,
    DateOnly? Until,
    bool Current,
    long Version
);

/// <summary>A payment to the member out of any fund (aid, visit money, condolence), or its reversal.</summary>
internal sealed record LedgerPayment(
    Guid EntryId,
    Guid FundId,
    string Kind,
    string? PaymentKind,
    Money Amount,
    DateOnly OccurredOn,
    string? Reference
);

internal sealed record LedgerVisit(
    Guid Id,
    Guid ListId,
    VisitOccasion Occasion,
    int Year,
    DateOnly VisitedOn,
    string? Visitors,
    Money Money,
    string? Goods,
    Money GoodsValue
);

internal sealed record LedgerHelp(Guid PairingId, string HelperName, DateOnly HelpedOn, string What);

/// <summary>
/// A member's page of the dynamic ledger: hardship over time, rechecks, and all help received (fund payments, visits,
/// pairing help with the helpers).
/// </summary>
internal sealed record MemberLedgerResponse(
    Guid MemberId,
    string Name,
    Guid OrganizationId,
    IReadOnlyList<LedgerHardship> Hardships,
    IReadOnlyList<RecheckResponse> Rechecks,
    IReadOnlyList<LedgerPayment> Payments,
    IReadOnlyList<LedgerVisit> Visits,
    IReadOnlyList<LedgerHelp> Help,
    Money PaidTotal
);

internal sealed class GetMemberLedgerHandler(
    DbSession db,
    CurrentScope currentScope,
    IMemberHardshipHistory history,
    TimeProvider clock
) : IQueryHandler<GetMemberLedgerQuery, MemberLedgerResponse>
{
    private const string PaymentsSql = """
        SELECT id AS entry_id, fund_id, kind, payment_kind, -amount AS amount, occurred_on, reference
        FROM assistance_ledger_entries
        WHERE payee_member_id = @memberId AND kind IN ('Disbursement', 'Reversal')
        ORDER BY occurred_on DESC, id
        """;

    private const string VisitsSql = """
        SELECT v.id, v.list_id, l.occasion, l.year, v.visited_on, v.visitors, v.money, v.goods, v.goods_value
        FROM assistance_visits v JOIN assistance_visit_lists l ON l.id = v.list_id
        WHERE v.member_id = @memberId AND v.status = 'Visited' AND v.org_path >= @from AND v.org_path < @to
        ORDER BY v.visited_on DESC, v.id
        """;

    private const string HelpSql = """
        SELECT h.pairing_id, p.helper_name, h.helped_on, h.what
        FROM assistance_help_logs h JOIN assistance_pairings p ON p.id = h.pairing_id
        WHERE h.helped_member_id = @memberId AND h.org_path >= @from AND h.org_path < @to
        ORDER BY h.helped_on DESC, h.id
        """;

    public async ValueTask<MemberLedgerResponse> Handle(GetMemberLedgerQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var periods = await history.ForMemberAsync(query.MemberId, scope, cancellationToken);
        if (periods.Count == 0)
        {
            throw new NotFoundException("MemberLedger");
        }
        var today = clock.Today();
        var parameters = new
        {
            memberId = query.MemberId,
            from = scope.From,
            to = scope.To,
        };
        var rechecks = await db.QueryAsync<HardshipLedger.RecheckRow>(
            HardshipLedger.RechecksForSql,
            parameters,
            cancellationToken
        );
        var payments = (await db.QueryAsync<PaymentRow>(PaymentsSql, parameters, cancellationToken)).ToList();
        var visits = await db.QueryAsync<VisitRow>(VisitsSql, parameters, cancellationToken);
        var help = await db.QueryAsync<HelpRow>(HelpSql, parameters, cancellationToken);
        var first = periods[0];
        return new MemberLedgerResponse(
            first.MemberId,
            first.Name,
            first.OrganizationId,
            periods
                .Select(p => new LedgerHardship(
                    p.HardshipId,
                    p.Category,
                    p.Since,
                    p.Until,
                    p.Until is null || p.Until >= today,
                    p.Version
                ))
                .ToList(),
            rechecks.Select(r => r.ToResponse()).ToList(),
            payments
                .Select(p => new LedgerPayment(
                    p.EntryId,
                    p.FundId,
                    p.Kind,
                    p.PaymentKind,
                    p.Amount,
                    p.OccurredOn,
                    p.Reference
                ))
                .ToList(),
            visits
                .Select(v => new LedgerVisit(
                    v.Id,
                    v.ListId,
                    v.Occasion,
                    v.Year,
                    v.VisitedOn,
                    v.Visitors,
                    v.Money,
                    v.Goods,
                    v.GoodsValue
                ))
                .ToList(),
            help.Select(h => new LedgerHelp(h.PairingId, h.HelperName, h.HelpedOn, h.What)).ToList(),
            Money.FromFen(payments.Sum(p => p.Amount.Fen))
        );
    }

    private sealed record PaymentRow
    {
        public Guid EntryId { get; init; }
        public Guid FundId { get; init; }
        public string Kind { get; init; } = "";
        public string? PaymentKind { get; init; }
        public Money Amount { get; init; }
        public DateOnly OccurredOn { get; init; }
        public string? Reference { get; init; }
    }

    private sealed record VisitRow
    {
        public Guid Id { get; init; }
        public Guid ListId { get; init; }
        public VisitOccasion Occasion { get; init; }
        public int Year { get; init; }
        public DateOnly VisitedOn { get; init; }
        public string? Visitors { get; init; }
        public Money Money { get; init; }
        public string? Goods { get; init; }
        public Money GoodsValue { get; init; }
    }

    private sealed record HelpRow
    {
        public Guid PairingId { get; init; }
        public string HelperName { get; init; } = "";
        public DateOnly HelpedOn { get; init; }
        public string What { get; init; } = "";
    }
}
