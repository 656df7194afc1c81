using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Organizations.Domain;

internal enum OrganizationStatusFilter
{
    [Label("正常", "Active")]
    Active,

    [Label("已撤销", "Dissolved")]
    Dissolved,

    [Label("全部", "All")]
    All,
}

/// <summary>An organization as a row of a list or of a lazily loaded tree.</summary>
internal sealed record OrganizationListItem
{
    public Guid Id { get; init; }
    public Guid? ParentId { get; init; }
    public string Name { get; init; } = "";
    public string? ShortName { get; init; }
    public OrganizationKind Kind { get; init; }
    public OrganizationField Field { get; init; }
    public string? SecretaryName { get; init; }
    public int Depth { get; init; }
    public OrganizationStatus Status { get; init; }
    public int ActiveChildCount { get; init; }
    public long Version { get; init; }
}

internal static class OrganizationListing
{
    /// <summary>The sort keys of organization lists (the whole tree and a node's children).</summary>
    public static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["name"] = "o.name {collate-zh}",
        ["kind"] = "o.kind",
        ["field"] = "o.field",
        ["depth"] = "o.depth",
        ["createdAt"] = "o.created_at",
        ["tree"] = "o.path",
    };
}
