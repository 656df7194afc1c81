using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.ListRuleWarnings;

internal enum RuleWarningCode
{
    /// <summary>The committee's term ends within the region's warning window (换届提醒).</summary>
    [Label("任期将满", "Term ending soon")]
    TermEndingSoon,

    /// <summary>The committee's term has ended and no new term is recorded.</summary>
    [Label("任期已满", "Term overdue")]
    TermOverdue,

    /// <summary>Fewer full members than a branch needs.</summary>
    [Label("正式党员不足", "Too few full members")]
    TooFewFullMembers,

    /// <summary>Enough full members that a branch committee should be elected.</summary>
    [Label("应设支委会", "Committee required")]
    CommitteeRequired,
}

internal sealed record RuleWarning(
    Guid OrganizationId,
    string OrganizationName,
    OrganizationKind Kind,
    RuleWarningCode Code,
    string Message,
    DateOnly? DueOn,
    string RuleSource
);

/// <summary>
/// Setting-up and term rules checked over a subtree (DOMAIN.md §1). They warn and never block; the
/// figures come from each organization's region rule set.
/// </summary>
internal sealed record ListRuleWarningsQuery(Guid? Within, RuleWarningCode? Code, PageRequest Page, string? Sort = null)
    : IQuery<Paged<RuleWarning>>;

internal sealed class ListRuleWarningsValidator : AbstractValidator<ListRuleWarningsQuery>
{
    public ListRuleWarningsValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.Code).IsInEnum();
        RuleFor(q => q.Sort)
            .Must(sort =>
                sort is null || WarningOrder.Keys.Contains(sort.TrimStart('-'), StringComparer.OrdinalIgnoreCase)
            )
            .WithMessage(q => SortOrder.SortMessage(q.Sort!, WarningOrder.Keys));
    }
}

internal sealed class ListRuleWarningsHandler(
    DbSession db,
    CurrentScope currentScope,
    TimeProvider clock,
    IEnumerable<IOrganizationMemberCounts> memberCounts
) : IQueryHandler<ListRuleWarningsQuery, Paged<RuleWarning>>
{
    private const string SubtreeSql = """
        SELECT id, name, kind, field, region_root_id, term_started_on, path
        FROM organizations
        WHERE path >= @from AND path < @to AND status = 'Active'
        ORDER BY path
        """;

    public async ValueTask<Paged<RuleWarning>> Handle(ListRuleWarningsQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var (from, to) = await OrganizationTree.RangeAsync(db, scope, query.Within, cancellationToken);
        var organizations = await db.QueryAsync<Row>(SubtreeSql, new { from, to }, cancellationToken);
        var today = clock.Today();
        var rulesByRegion = new Dictionary<Guid, RuleSetDocument>();
        foreach (var region in organizations.Select(o => o.RegionRootId).Distinct())
        {
            rulesByRegion[region] = await RegionRules.ForRegionAsync(db, region, cancellationToken);
        }

        var counter = memberCounts.FirstOrDefault();
        var fullMembers =
            counter is null || !organizations.Any(o => IsBranch(o.Kind))
                ? null
                : await counter.CountFullMembersAsync(from, to, cancellationToken);

        var warnings = new List<RuleWarning>();
        foreach (var organization in organizations)
        {
            var rules = rulesByRegion[organization.RegionRootId];
            if (organization.TermStartedOn is { } started)
            {
                var termYears = rules.TermYearsFor(organization.Field);
                var termRule = organization.Field is OrganizationField.Village or OrganizationField.UrbanCommunity
                    ? rules.VillageCommunityTermYears
                    : rules.CommitteeTermYears;
                var endsOn = started.AddYears(termYears);
                if (endsOn < today)
                {
                    warnings.Add(
                        new RuleWarning(
                            organization.Id,
                            organization.Name,
                            organization.Kind,
                            RuleWarningCode.TermOverdue,
                            Localized.Text(
                                $"本届任期已于 {endsOn:yyyy-MM-dd} 届满（任期 {termYears} 年），请尽快换届。",
                                $"The {termYears}-year term ended on {endsOn:yyyy-MM-dd}; hold the election."
                            ),
                            endsOn,
                            termRule.Source
                        )
                    );
                }
                else if (endsOn.DayNumber - today.DayNumber <= rules.TermWarningDays.Value)
                {
                    warnings.Add(
                        new RuleWarning(
                            organization.Id,
                            organization.Name,
                            organization.Kind,
                            RuleWarningCode.TermEndingSoon,
                            Localized.Text(
                                $"本届任期将于 {endsOn:yyyy-MM-dd} 届满，还剩 {endsOn.DayNumber - today.DayNumber} 天。",
                                $"The term ends on {endsOn:yyyy-MM-dd}, in {endsOn.DayNumber - today.DayNumber} days."
                            ),
                            endsOn,
                            rules.TermWarningDays.Source
                        )
                    );
                }
            }
            if (fullMembers is not null && IsBranch(organization.Kind))
            {
                var count = fullMembers.GetValueOrDefault(organization.Id);
                if (count < rules.BranchMinFullMembers.Value)
                {
                    warnings.Add(
                        new RuleWarning(
                            organization.Id,
                            organization.Name,
                            organization.Kind,
                            RuleWarningCode.TooFewFullMembers,
                            Localized.Text(
                                $"正式党员 {count} 人，少于成立党支部所需的 {rules.BranchMinFullMembers.Value} 人。",
                                $"{count} full members, fewer than the {rules.BranchMinFullMembers.Value} a branch needs."
                            ),
                            null,
                            rules.BranchMinFullMembers.Source
                        )
                    );
                }
                else if (count >= rules.BranchCommitteeMinFullMembers.Value && organization.TermStartedOn is null)
                {
                    warnings.Add(
                        new RuleWarning(
                            organization.Id,
                            organization.Name,
                            organization.Kind,
                            RuleWarningCode.CommitteeRequired,
                            Localized.Text(
                                $"正式党员 {count} 人，应设立支部委员会，但未登记委员会任期。",
                                $"{count} full members: a branch committee should be elected, but no committee term is recorded."
                            ),
                            null,
                            rules.BranchCommitteeMinFullMembers.Source
                        )
                    );
                }
            }
        }

        var filtered = WarningOrder.Apply(
            query.Code is null ? warnings : warnings.Where(w => w.Code == query.Code).ToList(),
            query.Sort
        );
        var items = filtered.Skip((query.Page.Page - 1) * query.Page.PageSize).Take(query.Page.PageSize).ToList();
        return new Paged<RuleWarning>(items, filtered.Count, query.Page.Page, query.Page.PageSize);
    }

    private static bool IsBranch(OrganizationKind kind) =>
        kind is OrganizationKind.Branch or OrganizationKind.JointBranch or OrganizationKind.TemporaryBranch;

    private sealed record Row
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public OrganizationKind Kind { get; init; }
        public OrganizationField Field { get; init; }
        public Guid RegionRootId { get; init; }
        public DateOnly? TermStartedOn { get; init; }
        public string Path { get; init; } = "";
    }
}

/// <summary>
/// Warnings are computed, not stored, so they are sorted here after computing; "tree" (the default) keeps
/// them in tree order, as the subtree was read.
/// </summary>
internal static class WarningOrder
{
    private static readonly Dictionary<string, Func<IEnumerable<RuleWarning>, bool, IEnumerable<RuleWarning>>> Orders =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["tree"] = (warnings, descending) => descending ? warnings.Reverse() : warnings,
            ["organizationName"] = (warnings, descending) =>
                descending
                    ? warnings.OrderByDescending(w => w.OrganizationName, StringComparer.Ordinal)
                    : warnings.OrderBy(w => w.OrganizationName, StringComparer.Ordinal),
            ["code"] = (warnings, descending) =>
                descending ? warnings.OrderByDescending(w => w.Code) : warnings.OrderBy(w => w.Code),
            // Warnings without a date (member-count rules) come last either way.
            ["dueOn"] = (warnings, descending) =>
                descending
                    ? warnings.OrderBy(w => w.DueOn is null).ThenByDescending(w => w.DueOn)
                    : warnings.OrderBy(w => w.DueOn is null).ThenBy(w => w.DueOn),
        };

    public static IReadOnlyCollection<string> Keys => Orders.Keys;

    public static List<RuleWarning> Apply(List<RuleWarning> warnings, string? sort)
    {
        var key = string.IsNullOrWhiteSpace(sort) ? "tree" : sort.TrimStart('-');
        return Orders[key](warnings, sort?.StartsWith('-') == true).ToList();
    }
}
