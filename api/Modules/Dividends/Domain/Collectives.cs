using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Dividends.Domain;

internal enum CollectiveKind
{
    [Label("股份经济合作社", "Stock economic cooperative")]
    StockCooperative,

    [Label("党支部领办合作社", "Branch-led cooperative")]
    BranchLedCooperative,
}

internal enum ShareManagement
{
    [Label("静态管理（生不增、死不减）", "Static (no new shares at birth, none cancelled at death)")]
    Static,

    [Label("动态管理", "Dynamic")]
    Dynamic,
}

/// <summary>
/// A collective as stored, found inside the caller's scope: outside it is 404, as everywhere. Shared by every slice
/// that works on one collective (its register, its income, its plans).
/// </summary>
internal sealed record CollectiveRecord
{
    public Guid Id { get; init; }
    public Guid OrgId { get; init; }
    public string OrgPath { get; init; } = "";
    public Guid RegionRootId { get; init; }
    public string Name { get; init; } = "";
    public CollectiveKind Kind { get; init; }
    public string CreditCode { get; init; } = "";
    public long LandTransferredCentimu { get; init; }
    public ShareManagement ShareManagement { get; init; }
    public DateOnly? EstablishedOn { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }
}

internal static class Collectives
{
    public const string Columns = """
        id, org_id, org_path, region_root_id, name, kind, credit_code, land_transferred_centimu, share_management,
        established_on, created_at, updated_at, version
        """;

    private const string FindSql =
        "SELECT " + Columns + " FROM collectives WHERE id = @id AND org_path >= @from AND org_path < @to";

    /// <summary>The collective if it lies in the scope; 404 otherwise.</summary>
    public static async Task<CollectiveRecord> FindAsync(
        DbSession db,
        DataScope scope,
        Guid id,
        CancellationToken cancellationToken
    ) => await FindOrNullAsync(db, scope, id, cancellationToken) ?? throw new NotFoundException("Collective");

    /// <summary>The collective if it lies in the scope, else null: for a request naming it in its body, where the
    /// refusal is a 400 on the field rather than a 404.</summary>
    public static Task<CollectiveRecord?> FindOrNullAsync(
        DbSession db,
        DataScope scope,
        Guid id,
        CancellationToken cancellationToken
    ) =>
        db.QuerySingleOrDefaultAsync<CollectiveRecord>(
            FindSql,
            new
            {
                id,
                from = scope.From,
                to = scope.To,
            },
            cancellationToken
        );

    /// <summary>Land in mu with two places, as stored in hundredths.</summary>
    public static decimal Mu(long centimu) => centimu / 100m;
}

internal enum AssemblyKind
{
    [Label("成员大会", "Members' assembly")]
    Members,

    [Label("成员代表大会", "Representatives' assembly")]
    Representatives,
}
