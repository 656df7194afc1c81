using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Organizations.Domain;

/// <summary>A node's position: what subtree queries and tree writes need.</summary>
internal sealed record TreeNode
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string Path { get; init; } = "";
    public int Depth { get; init; }
    public Guid RegionRootId { get; init; }
    public OrganizationStatus Status { get; init; }
    public long Version { get; init; }

    public string SubtreeEnd => TreePath.SubtreeEnd(Path);
}

/// <summary>Statements several slices share: finding a node and serializing tree writes.</summary>
internal static class OrganizationTree
{
    public const string FindNodeSql = """
        SELECT id, name, path, depth, region_root_id, status, version
        FROM organizations
        WHERE id = @id AND path >= @scopeFrom AND path < @scopeTo
        """;

    /// <summary>
    /// Every write that changes paths takes this row lock first, so a create under a node and a move of
    /// that node (or two crossing moves) cannot interleave on PostgreSQL or SQL Server; SQLite's
    /// BEGIN IMMEDIATE already serializes writers.
    /// </summary>
    public const string LockTreeSql = "UPDATE org_tree_state SET lock_version = lock_version + 1 WHERE id = 1";

    /// <summary>The node, if it lies in the caller's scope; otherwise 404, exactly as if it did not exist.</summary>
    public static async Task<TreeNode> FindAsync(
        DbSession db,
        DataScope scope,
        Guid id,
        CancellationToken cancellationToken
    ) =>
        await db.QuerySingleOrDefaultAsync<TreeNode>(
            FindNodeSql,
            new
            {
                id,
                scopeFrom = scope.From,
                scopeTo = scope.To,
            },
            cancellationToken
        ) ?? throw new NotFoundException("Organization");

    public static async Task<TreeNode> FindActiveAsync(
        DbSession db,
        DataScope scope,
        Guid id,
        CancellationToken cancellationToken
    )
    {
        var node = await FindAsync(db, scope, id, cancellationToken);
        return node.Status == OrganizationStatus.Active ? node : throw OrganizationErrors.Dissolved(node.Name);
    }

    /// <summary>The range of a subtree inside the caller's scope, or the whole scope when no root is given.</summary>
    public static async Task<(string From, string To)> RangeAsync(
        DbSession db,
        DataScope scope,
        Guid? within,
        CancellationToken cancellationToken
    )
    {
        if (within is null)
        {
            return (scope.From, scope.To);
        }
        var node = await FindAsync(db, scope, within.Value, cancellationToken);
        return (node.Path, node.SubtreeEnd);
    }

    public static Task LockAsync(DbSession db, CancellationToken cancellationToken) =>
        db.ExecuteAsync(LockTreeSql, null, cancellationToken);
}

/// <summary>The Organizations module's business-rule refusals, each with a stable code.</summary>
internal static class OrganizationErrors
{
    public static BusinessRuleException Dissolved(string name) =>
        new(
            "organization_dissolved",
            $"党组织“{name}”已撤销，不能再修改或在其下操作。",
            $"The organization '{name}' is dissolved and can no longer be changed or used."
        );

    public static BusinessRuleException MoveCreatesCycle() =>
        new(
            "move_creates_cycle",
            "不能把党组织移动到它自己或它的下级组织之下。",
            "An organization cannot be moved under itself or one of its descendants."
        );

    public static BusinessRuleException TooDeep() =>
        new(
            "tree_too_deep",
            $"组织树最多 {TreePath.MaxDepth + 1} 级。",
            $"The organization tree is at most {TreePath.MaxDepth + 1} levels deep."
        );

    public static BusinessRuleException HasActiveChildren(int count) =>
        new(
            "has_active_children",
            $"该党组织还有 {count} 个未撤销的下级组织，须先撤销或移走。",
            $"The organization still has {count} active child organizations; dissolve or move them first.",
            new Dictionary<string, object?> { ["activeChildren"] = count }
        );

    public static BusinessRuleException GradingExists(int year) =>
        new(
            "grading_exists",
            $"{year} 年度已有定级结果，请修改原记录。",
            $"A grading for {year} already exists; revise it instead.",
            new Dictionary<string, object?> { ["year"] = year }
        );

    public static BusinessRuleException RectificationClosed() =>
        new(
            "rectification_closed",
            "该整顿已销号，不能再修改。",
            "The rectification is closed and can no longer be changed."
        );

    public static BusinessRuleException PairingExists() =>
        new(
            "pairing_exists",
            "这两个党组织之间已有同类且尚未结束的结对关系。",
            "These two organizations already have an open pairing of this kind."
        );

    public static BusinessRuleException CoalitionNameTaken(string name) =>
        new("coalition_name_taken", $"已有名为“{name}”的联合体。", $"A coalition named '{name}' already exists.");

    public static BusinessRuleException CoalitionBeyondScope() =>
        new(
            "coalition_beyond_scope",
            "该联合体有不在您管辖范围内的成员，只能由管辖全部成员的上级修改。",
            "This coalition has members outside your scope; only someone whose scope covers them all can change it."
        );

    public static BusinessRuleException RuleSetExists() =>
        new(
            "rule_set_exists",
            "该地区已有规则集，请修改原规则集。",
            "This region already has a rule set; change that one instead."
        );

    public static BusinessRuleException RegionMustBeRoot() =>
        new(
            "region_must_be_root",
            "地区规则集只能挂在组织树的顶层组织上。",
            "A regional rule set belongs to a top-level organization."
        );
}
