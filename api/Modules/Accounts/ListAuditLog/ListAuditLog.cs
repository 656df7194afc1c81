using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Mediator;

namespace Jiceng.Modules.Accounts.ListAuditLog;

internal sealed record AuditEntry
{
    public Guid Id { get; init; }
    public DateTimeOffset At { get; init; }
    public CallerKind ActorType { get; init; }
    public Guid? ActorId { get; init; }
    public string ActorName { get; init; } = "";
    public string Action { get; init; } = "";
    public string? EntityType { get; init; }
    public string? EntityId { get; init; }
    public Guid? OrgId { get; init; }
    public string? ClientAddress { get; init; }
    public string? RequestId { get; init; }
    public string? Changes { get; init; }
}

/// <summary>
/// The audit log, newest first, filtered by actor, action, entity, organization subtree (<c>within</c>) and
/// time. Rows are limited to the caller's scope; rows without an organization only to whole-tree callers.
/// The subtree filter uses the organization's path when the row was written.
/// </summary>
internal sealed record ListAuditLogQuery(
    Guid? ActorId,
    string? Action,
    string? EntityType,
    string? EntityId,
    Guid? Within,
    DateTimeOffset? From,
    DateTimeOffset? To,
    PageRequest Page
) : IQuery<Paged<AuditEntry>>;

internal sealed class ListAuditLogValidator : AbstractValidator<ListAuditLogQuery>
{
    public ListAuditLogValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.Action).MaximumLength(100);
        RuleFor(q => q.EntityType).MaximumLength(50);
        RuleFor(q => q.EntityId).MaximumLength(64);
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null);
    }
}

internal sealed class ListAuditLogHandler(DbSession db, CurrentScope scope, IDataScopeResolver scopes)
    : IQueryHandler<ListAuditLogQuery, Paged<AuditEntry>>
{
    private const string Filter = """
        FROM audit_log
        WHERE ((org_path >= @from AND org_path < @to) OR (@includeUnscoped = @yes AND org_path IS NULL))
          AND (@actorId IS NULL OR actor_id = @actorId)
          AND (@action IS NULL OR action = @action)
          AND (@entityType IS NULL OR entity_type = @entityType)
          AND (@entityId IS NULL OR entity_id = @entityId)
          AND (@since IS NULL OR at >= @since)
          AND (@until IS NULL OR at <= @until)
        """;

    private const string CountSql = "SELECT COUNT(*) " + Filter;

    private const string PageSql =
        """
            SELECT id, at, actor_type, actor_id, actor_name, action, entity_type, entity_id, org_id, client_address,
                request_id, changes
            """
        + "\n"
        + Filter
        + "\nORDER BY {orderBy}\n{page}";

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["at"] = "at",
    };

    public async ValueTask<Paged<AuditEntry>> Handle(ListAuditLogQuery query, CancellationToken cancellationToken)
    {
        var callerScope = await scope.GetAsync(cancellationToken);
        var range = callerScope;
        if (query.Within is { } within)
        {
            var path = await scopes.PathOfAsync(db, within, cancellationToken);
            if (path is null || !callerScope.Contains(path))
            {
                throw new NotFoundException("Organization");
            }
            range = new DataScope(path, path + "~");
        }
        return await db.QueryPageAsync<AuditEntry>(
            CountSql,
            PageSql,
            new
            {
                from = range.From,
                to = range.To,
                includeUnscoped = query.Within is null && callerScope == DataScope.WholeTree,
                yes = true,
                actorId = query.ActorId,
                action = query.Action,
                entityType = query.EntityType,
                entityId = query.EntityId,
                since = query.From,
                until = query.To,
            },
            query.Page,
            SortOrder.Parse("-at", SortColumns, "-at", "id"),
            cancellationToken
        );
    }
}
