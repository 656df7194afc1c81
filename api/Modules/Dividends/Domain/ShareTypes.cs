using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Dividends.Domain;

internal enum ShareTypeKind
{
    [Label("人口股", "Population share")]
    Population,

    [Label("劳龄股（农龄股）", "Labour-age share")]
    LabourAge,

    [Label("资金股", "Capital share")]
    Capital,

    [Label("其他", "Other")]
    Other,
}

/// <summary>A share type of a collective; its weight is how much one share of it counts against a weight-1 share.
/// </summary>
internal sealed record ShareTypeResponse(Guid Id, string Name, ShareTypeKind Kind, decimal Weight, int SortOrder);

internal sealed record ShareTypeRow
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public ShareTypeKind Kind { get; init; }
    public long WeightTenThousandths { get; init; }
    public int SortOrder { get; init; }

    public ShareTypeResponse ToResponse() => new(Id, Name, Kind, WeightTenThousandths / 10000m, SortOrder);
}

internal static class ShareTypes
{
    private const string ListSql = """
        SELECT id, name, kind, weight_ten_thousandths, sort_order FROM collective_share_types
        WHERE collective_id = @collectiveId ORDER BY sort_order, id
        """;

    public static Task<IReadOnlyList<ShareTypeRow>> ListAsync(
        DbSession db,
        Guid collectiveId,
        CancellationToken cancellationToken
    ) => db.QueryAsync<ShareTypeRow>(ListSql, new { collectiveId }, cancellationToken);
}
