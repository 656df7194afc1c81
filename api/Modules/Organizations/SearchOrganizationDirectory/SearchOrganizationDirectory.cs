using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Mediator;

namespace Jiceng.Modules.Organizations.SearchOrganizationDirectory;

/// <summary>An organization anywhere in the system, by name
/// only: what a transfer letter needs to be addressed.</summary>
internal sealed record DirectoryEntry(Guid Id, string Name);

/// <summary>
/// Names of active organizations across every region, for addressing a transfer to another region. Only
/// ids and names: everything else about an organization outside the caller's subtree stays hidden.
/// </summary>
internal sealed record SearchOrganizationDirectoryQuery(string? Q) : IQuery<IReadOnlyList<DirectoryEntry>>;

internal sealed class SearchOrganizationDirectoryValidator : AbstractValidator<SearchOrganizationDirectoryQuery>
{
    public SearchOrganizationDirectoryValidator() => RuleFor(q => q.Q).RequiredText(2).MaximumLength(50);
}

internal sealed class SearchOrganizationDirectoryHandler(DbSession db)
    : IQueryHandler<SearchOrganizationDirectoryQuery, IReadOnlyList<DirectoryEntry>>
{
    private const string SearchSql = """
        SELECT id, name FROM organizations
        WHERE status = 'Active' AND (name LIKE @pattern ESCAPE '\' OR short_name LIKE @pattern ESCAPE '\')
        ORDER BY path
        {page}
        """;

    public async ValueTask<IReadOnlyList<DirectoryEntry>> Handle(
        SearchOrganizationDirectoryQuery query,
        CancellationToken cancellationToken
    ) => (
            await db.QueryAsync<Row>(
                SearchSql,
                new
                {
                    pattern = LikePattern.Contains(query.Q),
                    skip = 0L,
                    take = 20,
                },
                cancellationToken
            )
        ).Select(r => new DirectoryEntry(r.Id, r.Name)).ToList();

    private sealed record Row
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
    }
}
