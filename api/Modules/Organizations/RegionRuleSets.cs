using Jiceng.Infrastructure.Database;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Organizations.Domain;

namespace Jiceng.Modules.Organizations;

/// <summary>
/// Answers other modules' questions about their section of the region rule set, on the request's database session.
/// The section is the one the module registered for <c>T</c>; Organizations knows nothing of its rules.
/// </summary>
internal sealed class RegionRuleSets(DbSession db, IEnumerable<IRuleSetSection> sections) : IRegionRuleSets
{
    private const string RegionsSql = "SELECT id, region_root_id FROM organizations WHERE id {in:ids}";

    // Below SQL Server's 2,100 parameters per statement.
    private const int Chunk = 1000;

    public async Task<T> SectionAsync<T>(Guid organizationId, CancellationToken cancellationToken)
        where T : class => (await SectionAsync<T>([organizationId], cancellationToken))[organizationId];

    public Task<T> SectionOfRegionAsync<T>(Guid regionRootId, CancellationToken cancellationToken)
        where T : class => RegionRules.SectionAsync(db, SectionOf<T>(), regionRootId, cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, T>> SectionAsync<T>(
        IReadOnlyCollection<Guid> organizationIds,
        CancellationToken cancellationToken
    )
        where T : class
    {
        var section = SectionOf<T>();
        var regionOf = new Dictionary<Guid, Guid>();
        foreach (var chunk in organizationIds.Distinct().Chunk(Chunk))
        {
            foreach (var row in await db.QueryAsync<RegionRow>(RegionsSql, new { ids = chunk }, cancellationToken))
            {
                regionOf[row.Id] = row.RegionRootId;
            }
        }
        var byRegion = new Dictionary<Guid, T>();
        foreach (var region in regionOf.Values.Distinct())
        {
            byRegion[region] = await RegionRules.SectionAsync(db, section, region, cancellationToken);
        }
        var defaults = section.Read(null);
        return organizationIds
            .Distinct()
            .ToDictionary(id => id, id => regionOf.TryGetValue(id, out var region) ? byRegion[region] : defaults);
    }

    private RuleSetSection<T> SectionOf<T>()
        where T : class =>
        sections.OfType<RuleSetSection<T>>().SingleOrDefault()
        ?? throw new InvalidOperationException($"No rule set section is registered for {typeof(T).Name}.");

    private sealed record RegionRow
    {
        public Guid Id { get; init; }
        public Guid RegionRootId { get; init; }
    }
}
