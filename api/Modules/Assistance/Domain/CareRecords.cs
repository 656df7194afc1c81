using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Assistance.Domain;

/// <summary>An organization a care row belongs to: its id, name, path and its region's root.</summary>
internal sealed record CarePlace(Guid Id, string Name, string Path, Guid RegionRootId)
{
    public DataScope Subtree => new(Path, Path + "~");
}

internal enum VisitStatus
{
    [Label("待走访", "To visit")]
    Due,

    [Label("已走访", "Visited")]
    Visited,
}

internal enum CondolenceStatus
{
    [Label("待确认", "Proposed")]
    Proposed,

    [Label("已发放", "Paid")]
    Paid,

    [Label("不予发放", "Declined")]
    Declined,
}

internal enum RecheckOutcome
{
    [Label("继续帮扶", "Continues")]
    Continues,

    [Label("困难已解除", "Hardship ended")]
    Ended,
}

/// <summary>Where care rows live in the tree, and which fund may pay for them: shared by the visit, condolence,
/// pairing and ledger slices.</summary>
internal static class CarePlaces
{
    private const string FundSql =
        "SELECT id, org_path FROM assistance_funds WHERE id = @id AND org_path >= @from " + "AND org_path < @to";

    /// <summary>The active organization within the scope with its region's root, or null (a 404 or a field 400).
    /// </summary>
    public static async Task<CarePlace?> LocateAsync(
        IOrganizationDirectory organizations,
        Guid organizationId,
        DataScope scope,
        CancellationToken cancellationToken
    )
    {
        var found = await organizations.FindWithinAsync(organizationId, scope, cancellationToken);
        if (found is null)
        {
            return null;
        }
        var roots = await organizations.ListRootsAsync(cancellationToken);
        var root = roots.FirstOrDefault(r => found.Path.StartsWith(r.Path, StringComparison.Ordinal));
        return new CarePlace(found.Id, found.Name, found.Path, root?.Id ?? found.Id);
    }

    /// <summary>
    /// The fund must be within the caller's scope and be the organization's own or an ancestor's (its path a prefix
    /// of the organization's); a fund unknown or outside the scope is refused on the field like one that does not
    /// cover the organization, so the refusal tells nothing about funds elsewhere.
    /// </summary>
    public static async Task EnsureFundCoversAsync(
        DbSession db,
        Guid fundId,
        string organizationPath,
        DataScope scope,
        CancellationToken cancellationToken
    )
    {
        var fund = await db.QuerySingleOrDefaultAsync<FundRow>(
            FundSql,
            new
            {
                id = fundId,
                from = scope.From,
                to = scope.To,
            },
            cancellationToken
        );
        if (fund is null || !organizationPath.StartsWith(fund.OrgPath, StringComparison.Ordinal))
        {
            throw AssistanceErrors.FundNotCovering();
        }
    }

    private sealed record FundRow
    {
        public Guid Id { get; init; }
        public string OrgPath { get; init; } = "";
    }
}

/// <summary>
/// The rules a list applies across a subtree: the region of the organization asked for, else of the caller's scope
/// organization, else (a whole-tree caller) the defaults.
/// </summary>
internal sealed class CareListRules(CallerAccessor callers, AssistanceRuleSets rules)
{
    public async Task<AssistanceRules> ForAsync(Guid? organizationId, CancellationToken cancellationToken) =>
        (organizationId ?? callers.Current.ScopeOrganizationId) is { } id
            ? await rules.ForAsync(id, cancellationToken)
            : AssistanceRuleSection.Instance.Defaults;
}
