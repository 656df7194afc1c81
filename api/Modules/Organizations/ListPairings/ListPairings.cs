using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.ListPairings;

/// <summary>An organization's pairings on either side; <c>activeOnly</c> keeps those in force today.</summary>
internal sealed record ListPairingsQuery(
    Guid OrganizationId,
    PairingKind? Kind,
    bool ActiveOnly,
    PageRequest Page,
    string? Sort
) : IQuery<Paged<PairingResponse>>;

internal sealed class ListPairingsValidator : AbstractValidator<ListPairingsQuery>
{
    public ListPairingsValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.Kind).IsInEnum();
    }
}

internal sealed class ListPairingsHandler(DbSession db, CurrentScope currentScope, TimeProvider clock)
    : IQueryHandler<ListPairingsQuery, Paged<PairingResponse>>
{
    private const string Filter = """
        FROM pairings p
        JOIN organizations o ON o.id = p.org_id
        JOIN organizations po ON po.id = p.partner_org_id
        WHERE (p.org_id = @orgId OR p.partner_org_id = @orgId)
          AND (@kind IS NULL OR p.kind = @kind)
          AND (@activeOnly = @no OR (p.starts_on <= @today AND (p.ends_on IS NULL OR p.ends_on >= @today)))
        """;

    private const string CountSql = "SELECT COUNT(*) " + Filter;

    private const string PageSql =
        """
            SELECT p.id, p.org_id AS organization_id, o.name AS organization_name,
                p.partner_org_id AS partner_organization_id,
                   po.name AS partner_organization_name, p.kind, p.starts_on, p.ends_on, p.notes, p.version
            """
        + "\n"
        + Filter
        + "\nORDER BY {orderBy}\n{page}";

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["startsOn"] = "p.starts_on",
        ["endsOn"] = "p.ends_on",
        ["kind"] = "p.kind",
        ["partnerName"] = "po.name {collate-zh}",
    };

    public async ValueTask<Paged<PairingResponse>> Handle(ListPairingsQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var order = SortOrder.Parse(query.Sort, SortColumns, "-startsOn", "p.id");
        var organization = await OrganizationTree.FindAsync(db, scope, query.OrganizationId, cancellationToken);
        var today = clock.Today();
        var page = await db.QueryPageAsync<PairingResponse>(
            CountSql,
            PageSql,
            new
            {
                orgId = organization.Id,
                kind = query.Kind?.ToString(),
                activeOnly = query.ActiveOnly,
                no = false,
                today,
            },
            query.Page,
            order,
            cancellationToken
        );
        return page.Map(p => p.SeenFrom(organization.Id, today));
    }
}
