using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Assistance.ListHelperPairs;

internal sealed record ListHelperPairsQuery(
    Guid? OrganizationId,
    Guid? MemberId,
    bool StaleOnly,
    bool IncludeEnded,
    PageRequest Page,
    string? Sort
) : IQuery<Paged<HelperPairResponse>>;

internal sealed class ListHelperPairsValidator : AbstractValidator<ListHelperPairsQuery>
{
    public ListHelperPairsValidator() => this.AddPagingRules(q => q.Page);
}

internal sealed class ListHelperPairsHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    CareListRules listRules,
    TimeProvider clock
) : IQueryHandler<ListHelperPairsQuery, Paged<HelperPairResponse>>
{
    // Help logs cannot be dated before the pair began, so the last activity is the last log or the start.
    private const string Filter = """
        FROM assistance_pairings
        WHERE org_path >= @from AND org_path < @to
          AND (@memberId IS NULL OR helper_member_id = @memberId OR helped_member_id = @memberId)
          AND (@includeEnded = 1 OR ended_on IS NULL)
          AND (@staleOnly = 0 OR (ended_on IS NULL AND COALESCE(last_help_on, started_on) <= @cutoff))
        """;

    private const string CountSql = "SELECT COUNT(*) " + Filter;

    private const string PageSql = "SELECT " + HelperPairs.Columns + "\n" + Filter + "\nORDER BY {orderBy}\n{page}";

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["helperName"] = "helper_name {collate-zh}",
        ["helpedName"] = "helped_name {collate-zh}",
        ["startedOn"] = "started_on",
        ["lastHelpOn"] = "COALESCE(last_help_on, started_on)",
    };

    public async ValueTask<Paged<HelperPairResponse>> Handle(
        ListHelperPairsQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var range = scope;
        if (query.OrganizationId is { } organizationId)
        {
            var place =
                await CarePlaces.LocateAsync(organizations, organizationId, scope, cancellationToken)
                ?? throw AssistanceErrors.CareOrganizationNotFound();
            range = place.Subtree;
        }
        var rules = await listRules.ForAsync(query.OrganizationId, cancellationToken);
        var months = rules.StalePairingMonths.Value;
        var today = clock.Today();
        var page = await db.QueryPageAsync<HelperPairRow>(
            CountSql,
            PageSql,
            new
            {
                from = range.From,
                to = range.To,
                memberId = query.MemberId,
                includeEnded = query.IncludeEnded ? 1 : 0,
                staleOnly = query.StaleOnly ? 1 : 0,
                cutoff = CareRules.StaleCutoff(today, months),
            },
            query.Page,
            SortOrder.Parse(query.Sort, SortColumns, "lastHelpOn", "id"),
            cancellationToken
        );
        return page.Map(r => r.ToResponse(today, months));
    }
}
