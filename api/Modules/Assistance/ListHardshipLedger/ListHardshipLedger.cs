using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Jiceng.Modules.Members.Contracts;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Assistance.ListHardshipLedger;

internal sealed record ListHardshipLedgerQuery(
    Guid? OrganizationId,
    int? Year,
    bool RecheckDueOnly,
    bool CurrentOnly,
    PageRequest Page,
    string? Sort
) : IQuery<Paged<HardshipLedgerEntry>>;

internal sealed class ListHardshipLedgerValidator : AbstractValidator<ListHardshipLedgerQuery>
{
    private static readonly string[] Sorts = ["name", "-name", "since", "-since", "recheckDueOn", "-recheckDueOn"];

    public ListHardshipLedgerValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.Year).InclusiveBetween(2000, 2100);
        RuleFor(q => q.Sort).Must(s => s is null || Sorts.Contains(s));
    }
}

/// <summary>
/// Members in hardship at any time in the year within the subtree, one row each (their latest entry of the year),
/// with what they received that year. The register comes through Members' Contracts; the help from this module.
/// </summary>
internal sealed class ListHardshipLedgerHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    IMemberHardshipHistory history,
    CareListRules listRules,
    TimeProvider clock
) : IQueryHandler<ListHardshipLedgerQuery, Paged<HardshipLedgerEntry>>
{
    private const string PaidSql = """
        SELECT payee_member_id AS member_id, COALESCE(SUM(-amount), 0) AS count FROM assistance_ledger_entries
        WHERE payee_member_id {in:ids} AND occurred_on >= @from AND occurred_on < @to
          AND kind IN ('Disbursement', 'Reversal')
        GROUP BY payee_member_id
        """;

    private const string VisitsSql = """
        SELECT member_id, COUNT(*) AS count FROM assistance_visits
        WHERE member_id {in:ids} AND status = 'Visited' AND visited_on >= @from AND visited_on < @to
        GROUP BY member_id
        """;

    private const string HelpsSql = """
        SELECT helped_member_id AS member_id, COUNT(*) AS count FROM assistance_help_logs
        WHERE helped_member_id {in:ids} AND helped_on >= @from AND helped_on < @to
        GROUP BY helped_member_id
        """;

    private const string RechecksSql = """
        SELECT member_id, MAX(checked_on) AS checked_on FROM assistance_rechecks
        WHERE member_id {in:ids} GROUP BY member_id
        """;

    public async ValueTask<Paged<HardshipLedgerEntry>> Handle(
        ListHardshipLedgerQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var range = scope;
        if (query.OrganizationId is { } organizationId)
        {
            range = (
                await CarePlaces.LocateAsync(organizations, organizationId, scope, cancellationToken)
                ?? throw AssistanceErrors.CareOrganizationNotFound()
            ).Subtree;
        }
        var today = clock.Today();
        var year = query.Year ?? today.Year;
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year + 1, 1, 1);
        var rules = await listRules.ForAsync(query.OrganizationId, cancellationToken);
        var months = rules.RecheckMonths.Value;
        var latest = (await history.OverlappingAsync(from, to.AddDays(-1), range, cancellationToken))
            .GroupBy(p => p.MemberId)
            .Select(g => g.OrderByDescending(p => p.Since).First())
            .ToList();
        var ids = latest.Select(p => p.MemberId).ToList();
        var checkedOn = await PerMemberAsync<LastCheck, DateOnly>(
            RechecksSql,
            ids,
            from,
            to,
            r => (r.MemberId, r.CheckedOn),
            cancellationToken
        );
        var rows = latest
            .Select(p => new
            {
                Period = p,
                Current = p.Until is null || p.Until >= today,
                LastCheck = checkedOn.TryGetValue(p.MemberId, out var c) ? c : (DateOnly?)null,
            })
            .Select(r => new
            {
                r.Period,
                r.Current,
                r.LastCheck,
                DueOn = CareRules.RecheckDueOn(r.Period.Since, r.LastCheck, months),
            })
            .Where(r => !query.CurrentOnly || r.Current)
            .Where(r => !query.RecheckDueOnly || (r.Current && r.DueOn <= today))
            .ToList();
        var sorted = (query.Sort ?? "name") switch
        {
            "-name" => rows.OrderByDescending(r => r.Period.Name, Pinyin),
            "since" => rows.OrderBy(r => r.Period.Since),
            "-since" => rows.OrderByDescending(r => r.Period.Since),
            "recheckDueOn" => rows.OrderBy(r => r.DueOn),
            "-recheckDueOn" => rows.OrderByDescending(r => r.DueOn),
            _ => rows.OrderBy(r => r.Period.Name, Pinyin),
        };
        var page = query.Page.WholeList
            ? sorted.Take(PageRequest.MaxExportRows + 1).ToList()
            : sorted.Skip((query.Page.Page - 1) * query.Page.PageSize).Take(query.Page.PageSize).ToList();
        var pageIds = page.Select(r => r.Period.MemberId).ToList();
        var paid = await PerMemberAsync<Total, long>(
            PaidSql,
            pageIds,
            from,
            to,
            r => (r.MemberId, r.Count),
            cancellationToken
        );
        var visits = await PerMemberAsync<Total, long>(
            VisitsSql,
            pageIds,
            from,
            to,
            r => (r.MemberId, r.Count),
            cancellationToken
        );
        var helps = await PerMemberAsync<Total, long>(
            HelpsSql,
            pageIds,
            from,
            to,
            r => (r.MemberId, r.Count),
            cancellationToken
        );
        var items = page.Select(r => new HardshipLedgerEntry(
                r.Period.MemberId,
                r.Period.Name,
                r.Period.OrganizationId,
                r.Period.HardshipId,
                r.Period.Category,
                r.Period.Since,
                r.Period.Until,
                r.Current,
                r.LastCheck,
                r.DueOn,
                r.Current && r.DueOn <= today,
                Money.FromFen(paid.GetValueOrDefault(r.Period.MemberId)),
                visits.GetValueOrDefault(r.Period.MemberId),
                helps.GetValueOrDefault(r.Period.MemberId),
                r.Period.Version
            ))
            .ToList();
        return new Paged<HardshipLedgerEntry>(items, rows.Count, query.Page.Page, query.Page.PageSize);
    }

    // The same pinyin order the SQL lists get from {collate-zh}.
    private static readonly IComparer<string> Pinyin = Comparer<string>.Create(ChineseCollation.Compare);

    // In chunks, so a city's ledger stays under every engine's parameter limit (2,100 on SQL Server).
    private async Task<Dictionary<Guid, TValue>> PerMemberAsync<TRow, TValue>(
        string sql,
        IReadOnlyList<Guid> ids,
        DateOnly from,
        DateOnly to,
        Func<TRow, (Guid, TValue)> read,
        CancellationToken cancellationToken
    )
    {
        var result = new Dictionary<Guid, TValue>();
        foreach (var chunk in ids.Chunk(1000))
        {
            var rows = await db.QueryAsync<TRow>(
                sql,
                new
                {
                    ids = chunk,
                    from,
                    to,
                },
                cancellationToken
            );
            foreach (var (id, value) in rows.Select(read))
            {
                result[id] = value;
            }
        }
        return result;
    }

    private sealed record Total
    {
        public Guid MemberId { get; init; }
        public long Count { get; init; }
    }

    private sealed record LastCheck
    {
        public Guid MemberId { get; init; }
        public DateOnly CheckedOn { get; init; }
    }
}
