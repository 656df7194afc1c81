using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Modules.Accounts.Domain;
using Mediator;

namespace Jiceng.Modules.Accounts.ListApiClients;

internal sealed record ListApiClientsQuery(PageRequest Page) : IQuery<Paged<ApiClientResponse>>;

internal sealed class ListApiClientsValidator : AbstractValidator<ListApiClientsQuery>
{
    public ListApiClientsValidator() => this.AddPagingRules(q => q.Page);
}

internal sealed class ListApiClientsHandler(DbSession db, Grants grants)
    : IQueryHandler<ListApiClientsQuery, Paged<ApiClientResponse>>
{
    private const string AllSql = """
        SELECT id, name, key_prefix, scope_org_id, permissions, rate_limit_per_minute, revoked_at, last_used_at,
            created_at
        FROM api_clients ORDER BY name
        """;

    public async ValueTask<Paged<ApiClientResponse>> Handle(
        ListApiClientsQuery query,
        CancellationToken cancellationToken
    )
    {
        var visible = new List<ApiClientRow>();
        foreach (var client in await db.QueryAsync<ApiClientRow>(AllSql, null, cancellationToken))
        {
            if (await grants.CanManageAsync(client.ScopeOrgId, cancellationToken))
            {
                visible.Add(client);
            }
        }
        var items = visible
            .Skip((query.Page.Page - 1) * query.Page.PageSize)
            .Take(query.Page.PageSize)
            .Select(c => c.ToResponse())
            .ToList();
        return new Paged<ApiClientResponse>(items, visible.Count, query.Page.Page, query.Page.PageSize);
    }
}
