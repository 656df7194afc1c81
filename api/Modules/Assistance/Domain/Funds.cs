using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Assistance.Domain;

/// <summary>A fund as answered: its balance (Σ of its ledger), what approvals hold, and what is free to promise.
/// </summary>
internal sealed record FundResponse(
    Guid Id,
    Guid OrganizationId,
    string Name,
    Guid? ParentFundId,
    Money Balance,
    Money Held,
    Money Available,
    long Version
);

internal sealed record FundRow
{
    public Guid Id { get; init; }
    public Guid OrgId { get; init; }
    public string OrgPath { get; init; } = "";
    public Guid RegionRootId { get; init; }
    public Guid? ParentFundId { get; init; }
    public string Name { get; init; } = "";
    public long Balance { get; init; }
    public long Held { get; init; }
    public long Version { get; init; }

    public FundResponse ToResponse() =>
        new(
            Id,
            OrgId,
            Name,
            ParentFundId,
            Money.FromFen(Balance),
            Money.FromFen(Held),
            Money.FromFen(Balance - Held),
            Version
        );
}

internal static class Funds
{
    public const string Columns = "id, org_id, org_path, region_root_id, parent_fund_id, name, balance, held, version";

    private const string FindSql =
        "SELECT " + Columns + " FROM assistance_funds WHERE id = @id AND org_path >= @from AND org_path < @to";

    // The fund of the organization itself or of its nearest ancestor that has one (paths are its ancestors' paths).
    private const string NearestSql =
        "SELECT " + Columns + " FROM assistance_funds WHERE org_path {in:paths} ORDER BY org_path DESC";

    /// <summary>The fund in the caller's scope; 404 otherwise.</summary>
    public static async Task<FundRow> FindAsync(
        DbSession db,
        DataScope scope,
        Guid id,
        CancellationToken cancellationToken
    ) =>
        await db.QuerySingleOrDefaultAsync<FundRow>(
            FindSql,
            new
            {
                id,
                from = scope.From,
                to = scope.To,
            },
            cancellationToken
        ) ?? throw new NotFoundException("fund");

    /// <summary>The organization's own fund, else its nearest ancestor's; null when none up the tree has one.</summary>
    public static async Task<FundRow?> NearestAsync(
        DbSession db,
        string organizationPath,
        bool includeSelf,
        CancellationToken cancellationToken
    )
    {
        var paths = AncestorPaths(organizationPath, includeSelf);
        if (paths.Count == 0)
        {
            return null;
        }
        var rows = await db.QueryAsync<FundRow>(NearestSql, new { paths }, cancellationToken);
        return rows.FirstOrDefault();
    }

    /// <summary>The paths of the organization's ancestors (fixed-width segments), nearest last.</summary>
    public static IReadOnlyList<string> AncestorPaths(string path, bool includeSelf)
    {
        const int segment = 5;
        var paths = new List<string>();
        for (var length = segment; length < path.Length; length += segment)
        {
            paths.Add(path[..length]);
        }
        if (includeSelf)
        {
            paths.Add(path);
        }
        return paths;
    }
}
