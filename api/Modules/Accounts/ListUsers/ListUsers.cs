using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Modules.Accounts.Domain;
using Mediator;

namespace Jiceng.Modules.Accounts.ListUsers;

/// <summary>Users whose scope lies within the caller's; <c>q</c> searches username and display name.</summary>
internal sealed record ListUsersQuery(string? Q, PageRequest Page) : IQuery<Paged<UserResponse>>;

internal sealed class ListUsersValidator : AbstractValidator<ListUsersQuery>
{
    public ListUsersValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.Q).MaximumLength(50);
    }
}

internal sealed class ListUsersHandler(DbSession db, Grants grants) : IQueryHandler<ListUsersQuery, Paged<UserResponse>>
{
    // Users are few (hundreds per city), so scope filtering happens here through the Organizations contract
    // instead of a join across modules.
    private const string CandidatesSql = """
        SELECT id, username, display_name, password_hash, roles, scope_org_id, enabled, failed_attempts, locked_until,
            security_stamp, version
        FROM users
        WHERE (@pattern IS NULL OR username LIKE @pattern ESCAPE '\' OR display_name LIKE @pattern ESCAPE '\')
        ORDER BY username
        """;

    public async ValueTask<Paged<UserResponse>> Handle(ListUsersQuery query, CancellationToken cancellationToken)
    {
        var candidates = await db.QueryAsync<UserRow>(
            CandidatesSql,
            new { pattern = LikePattern.Contains(query.Q) },
            cancellationToken
        );
        var visible = new List<UserRow>();
        foreach (var user in candidates)
        {
            if (await grants.CanManageAsync(user.ScopeOrgId, cancellationToken))
            {
                visible.Add(user);
            }
        }
        var items = visible
            .Skip((query.Page.Page - 1) * query.Page.PageSize)
            .Take(query.Page.PageSize)
            .Select(UserResponse.From)
            .ToList();
        return new Paged<UserResponse>(items, visible.Count, query.Page.Page, query.Page.PageSize);
    }
}
