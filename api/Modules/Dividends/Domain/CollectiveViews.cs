using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Dividends.Domain;

/// <summary>A collective as the API answers it (list and detail), with its register's counts.</summary>
internal sealed record CollectiveResponse(
    Guid Id,
    Guid OrganizationId,
    string OrganizationName,
    string Name,
    CollectiveKind Kind,
    string CreditCode,
    decimal LandTransferredMu,
    ShareManagement ShareManagement,
    DateOnly? EstablishedOn,
    long Households,
    long Members,
    long Version
);

/// <summary>A collective row with its counts, as the list and the detail read it.</summary>
internal sealed record CollectiveRow
{
    public Guid Id { get; init; }
    public Guid OrgId { get; init; }
    public string Name { get; init; } = "";
    public CollectiveKind Kind { get; init; }
    public string CreditCode { get; init; } = "";
    public long LandTransferredCentimu { get; init; }
    public ShareManagement ShareManagement { get; init; }
    public DateOnly? EstablishedOn { get; init; }
    public long Households { get; init; }
    public long Members { get; init; }
    public long Version { get; init; }
}

internal static class CollectiveViews
{
    /// <summary>The columns of <see cref="CollectiveRow"/> over <c>collectives c</c>.</summary>
    public const string Columns = """
        c.id, c.org_id, c.name, c.kind, c.credit_code, c.land_transferred_centimu, c.share_management,
        c.established_on, c.version,
        (SELECT COUNT(*) FROM collective_households h WHERE h.collective_id = c.id) AS households,
        (SELECT COUNT(*) FROM collective_members m WHERE m.collective_id = c.id AND m.status = 'Active') AS members
        """;

    public static async Task<IReadOnlyList<CollectiveResponse>> RespondAsync(
        IReadOnlyList<CollectiveRow> rows,
        IOrganizationDirectory organizations,
        CancellationToken cancellationToken
    )
    {
        var names = await organizations.NamesAsync(rows.Select(r => r.OrgId).Distinct().ToList(), cancellationToken);
        return rows.Select(r => new CollectiveResponse(
                r.Id,
                r.OrgId,
                names.GetValueOrDefault(r.OrgId, ""),
                r.Name,
                r.Kind,
                r.CreditCode,
                Collectives.Mu(r.LandTransferredCentimu),
                r.ShareManagement,
                r.EstablishedOn,
                r.Households,
                r.Members,
                r.Version
            ))
            .ToList();
    }

    /// <summary>
    /// The organization a collective belongs to, inside the caller's scope (a 400 on organizationId otherwise), with
    /// its region root (the top-level organization whose path begins its path), kept on every row for a later split.
    /// </summary>
    public static async Task<(OrganizationReference Organization, Guid RegionRootId)> OrganizationAsync(
        IOrganizationDirectory organizations,
        DataScope scope,
        Guid organizationId,
        CancellationToken cancellationToken
    )
    {
        var organization =
            await organizations.FindWithinAsync(organizationId, scope, cancellationToken)
            ?? throw DividendsErrors.OrganizationNotFound();
        var roots = await organizations.ListRootsAsync(cancellationToken);
        var root = roots.FirstOrDefault(r => organization.Path.StartsWith(r.Path, StringComparison.Ordinal));
        return (organization, root?.Id ?? organization.Id);
    }
}
