using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Volunteering.CountMicroWishes;

/// <summary>One community's wishes placed in the year, by how far they got (claimed counts every wish claimed, also
/// those since delivered; delivered also those since received).</summary>
internal sealed record MicroWishCount(
    Guid OrganizationId,
    string OrganizationName,
    long Placed,
    long Open,
    long Claimed,
    long Delivered,
    long Received,
    long Cancelled
);

internal sealed record MicroWishCountsResponse(int Year, IReadOnlyList<MicroWishCount> Items, MicroWishCount Total);

/// <summary>Wishes placed in a year per community within an organization's subtree (the caller's scope by default).
/// </summary>
internal sealed record CountMicroWishesQuery(Guid? OrganizationId, int? Year) : IQuery<MicroWishCountsResponse>;

internal sealed class CountMicroWishesValidator : AbstractValidator<CountMicroWishesQuery>
{
    public CountMicroWishesValidator() => RuleFor(q => q.Year).InclusiveBetween(2000, 2100);
}

internal sealed class CountMicroWishesHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    TimeProvider clock
) : IQueryHandler<CountMicroWishesQuery, MicroWishCountsResponse>
{
    private const string CountSql = """
        SELECT org_id, COUNT(*) AS placed,
            SUM(CASE WHEN state = 'Open' THEN 1 ELSE 0 END) AS open_count,
            SUM(CASE WHEN state IN ('Claimed', 'Delivered', 'Received') THEN 1 ELSE 0 END) AS claimed,
            SUM(CASE WHEN state IN ('Delivered', 'Received') THEN 1 ELSE 0 END) AS delivered,
            SUM(CASE WHEN state = 'Received' THEN 1 ELSE 0 END) AS received,
            SUM(CASE WHEN state = 'Cancelled' THEN 1 ELSE 0 END) AS cancelled
        FROM micro_wishes
        WHERE org_path >= @from AND org_path < @to AND placed_on >= @yearFrom AND placed_on < @yearTo
        GROUP BY org_id
        """;

    private sealed record CountRow
    {
        public Guid OrgId { get; init; }
        public long Placed { get; init; }
        public long OpenCount { get; init; }
        public long Claimed { get; init; }
        public long Delivered { get; init; }
        public long Received { get; init; }
        public long Cancelled { get; init; }
    }

    public async ValueTask<MicroWishCountsResponse> Handle(
        CountMicroWishesQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var (from, to) = (scope.From, scope.To);
        if (query.OrganizationId is { } organizationId)
        {
            var subtree =
                await organizations.SubtreeWithinAsync(organizationId, scope, cancellationToken)
                ?? throw new NotFoundException("Organization");
            (from, to) = (subtree.PathFrom, subtree.PathTo);
        }
        var year = query.Year ?? clock.Today().Year;
        var rows = await db.QueryAsync<CountRow>(
            CountSql,
            new
            {
                from,
                to,
                yearFrom = new DateOnly(year, 1, 1),
                yearTo = new DateOnly(year + 1, 1, 1),
            },
            cancellationToken
        );
        var names = await organizations.NamesAsync(rows.Select(r => r.OrgId).ToList(), cancellationToken);
        var items = rows.Select(r => new MicroWishCount(
                r.OrgId,
                names.GetValueOrDefault(r.OrgId, ""),
                r.Placed,
                r.OpenCount,
                r.Claimed,
                r.Delivered,
                r.Received,
                r.Cancelled
            ))
            .OrderBy(c => c.OrganizationName, StringComparer.Ordinal)
            .ToList();
        var total = new MicroWishCount(
            Guid.Empty,
            "",
            items.Sum(i => i.Placed),
            items.Sum(i => i.Open),
            items.Sum(i => i.Claimed),
            items.Sum(i => i.Delivered),
            items.Sum(i => i.Received),
            items.Sum(i => i.Cancelled)
        );
        return new MicroWishCountsResponse(year, items, total);
    }
}
