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

    /// <summary>A branch committee with fewer full members than one needs: the rule provides a secretary.
    /// </summary>
    [Label("不足7人不设支委会", "No committee below 7")]
    CommitteeNotExpected,

    /// <summary>A branch with more members than a branch usually has (一般不超过50人).</summary>
    [Label("党支部人数过多", "Branch too large")]
    BranchTooLarge,

    /// <summary>A general branch with fewer members than one is set up for.</summary>
    [Label("党员不足设总支", "Too few for a general branch")]
    TooFewForGeneralBranch,

    /// <summary>A grassroots committee with fewer members than one is set up for.</summary>
    [Label("党员不足设党委", "Too few for a committee")]
    TooFewForCommittee,
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
        SELECT id, name, kind, field, region_root_id, term_started_on, has_committee, path, depth
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
        var rulesByRegion = new Dictionary<Guid, OrganizationRuleSet>();
        foreach (var region in organizations.Select(o => o.RegionRootId).Distinct())
        {
            rulesByRegion[region] = await RegionRules.ForRegionAsync(db, region, cancellationToken);
        }

        var counter = memberCounts.FirstOrDefault();
        var members = counter is null ? null : await counter.CountMembersAsync(from, to, cancellationToken);
        var subtreeMembers = members is null ? null : SubtreeTotals(organizations, members);
        // A committee or working committee below a 党委 makes it a local committee (县委 and up), not a grassroots one.
        var directingPaths = organizations
            .Where(o => o.Kind is OrganizationKind.Committee or OrganizationKind.WorkingCommittee)
            .SelectMany(o => TreePath.AncestorPaths(o.Path))
            .ToHashSet(StringComparer.Ordinal);

        var warnings = new List<RuleWarning>();
        foreach (var organization in organizations)
        {
            var rules = rulesByRegion[organization.RegionRootId];
            if (
                organization.TermStartedOn is { } started
                && OrganizationTerms.TermFor(organization.Kind, organization.Field, rules) is { } termRule
            )
            {
                var termYears = termRule.Value;
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
            if (members is not null && subtreeMembers is not null)
            {
                warnings.AddRange(
                    SettingUpWarnings(
                        organization,
                        members.GetValueOrDefault(organization.Id) ?? new OrganizationMemberCount(0, 0),
                        subtreeMembers.GetValueOrDefault(organization.Id),
                        directingPaths.Contains(organization.Path),
                        rules
                    )
                );
            }
        }

        var filtered = WarningOrder.Apply(
            query.Code is null ? warnings : warnings.Where(w => w.Code == query.Code).ToList(),
            query.Sort
        );
        var items = filtered.Skip((query.Page.Page - 1) * query.Page.PageSize).Take(query.Page.PageSize).ToList();
        return new Paged<RuleWarning>(items, filtered.Count, query.Page.Page, query.Page.PageSize);
    }

    /// <summary>Members of each organization's subtree (its own and every descendant's), from the counts per
    /// organization.</summary>
    private static Dictionary<Guid, int> SubtreeTotals(
        IReadOnlyList<Row> organizations,
        IReadOnlyDictionary<Guid, OrganizationMemberCount> members
    )
    {
        var byPath = organizations.ToDictionary(o => o.Path, o => o.Id, StringComparer.Ordinal);
        var totals = new Dictionary<Guid, int>();
        foreach (var organization in organizations)
        {
            if (members.GetValueOrDefault(organization.Id) is not { Total: > 0 } count)
            {
                continue;
            }
            foreach (var path in TreePath.AncestorPaths(organization.Path).Append(organization.Path))
            {
                if (byPath.TryGetValue(path, out var id))
                {
                    totals[id] = totals.GetValueOrDefault(id) + count.Total;
                }
            }
        }
        return totals;
    }

    private static IEnumerable<RuleWarning> SettingUpWarnings(
        Row organization,
        OrganizationMemberCount own,
        int subtree,
        bool directsCommittees,
        OrganizationRuleSet rules
    )
    {
        RuleWarning Warning(RuleWarningCode code, string chinese, string english, string source) =>
            new(
                organization.Id,
                organization.Name,
                organization.Kind,
                code,
                Localized.Text(chinese, english),
                null,
                source
            );
        var full = own.Full;
        var committeeMin = rules.BranchCommitteeMinFullMembers.Value;
        if (SettingUpRules.IsBranch(organization.Kind))
        {
            if (full < rules.BranchMinFullMembers.Value)
            {
                yield return Warning(
                    RuleWarningCode.TooFewFullMembers,
                    $"正式党员 {full} 人，少于成立党支部所需的 {rules.BranchMinFullMembers.Value} 人。",
                    $"{full} full members, fewer than the {rules.BranchMinFullMembers.Value} a branch needs.",
                    rules.BranchMinFullMembers.Source
                );
            }
            if (SettingUpRules.CommitteeRequired(full, organization.HasCommittee, rules))
            {
                yield return Warning(
                    RuleWarningCode.CommitteeRequired,
                    $"正式党员 {full} 人（{committeeMin} 人以上），应当设立支部委员会，但登记为只设书记。",
                    $"{full} full members ({committeeMin} or more): a branch committee should be elected, "
                        + "but the branch is recorded with a secretary only.",
                    rules.BranchCommitteeMinFullMembers.Source
                );
            }
            if (SettingUpRules.CommitteeNotExpected(full, organization.HasCommittee, rules))
            {
                yield return Warning(
                    RuleWarningCode.CommitteeNotExpected,
                    $"正式党员 {full} 人，不足 {committeeMin} 人，不设支部委员会，设书记 1 名（必要时设副书记 1 名）。",
                    $"{full} full members, fewer than {committeeMin}: the branch has a secretary (and if needed a "
                        + "deputy), not a committee.",
                    rules.BranchCommitteeMinFullMembers.Source
                );
            }
            if (SettingUpRules.BranchTooLarge(own.Total, rules))
            {
                var most = rules.GeneralBranchMinMembers.Value;
                yield return Warning(
                    RuleWarningCode.BranchTooLarge,
                    $"党员 {own.Total} 人，超过 {most} 人。党支部党员人数一般不超过 {most} 人，可分设党支部或成立党总支。",
                    $"{own.Total} members, more than {most}: a branch usually has no more than {most}; "
                        + "consider splitting it or setting up a general branch.",
                    SettingUpRules.BranchAtMostSource + rules.GeneralBranchMinMembers.Source
                );
            }
        }
        else if (
            organization.Kind == OrganizationKind.GeneralBranch
            && SettingUpRules.TooFewForGeneralBranch(subtree, rules)
        )
        {
            var least = rules.GeneralBranchMinMembers.Value;
            yield return Warning(
                RuleWarningCode.TooFewForGeneralBranch,
                $"党总支及所属党支部共有党员 {subtree} 人，不足 {least} 人；确因工作需要设立的，请在说明中注明。",
                $"{subtree} members in the general branch and its branches, fewer than {least}; if it was set up "
                    + "because the work needs it, say so in its description.",
                rules.GeneralBranchMinMembers.Source
            );
        }
        else if (
            SettingUpRules.IsGrassrootsCommittee(organization.Kind, organization.Depth == 0, directsCommittees)
            && SettingUpRules.TooFewForCommittee(subtree, rules)
        )
        {
            var least = rules.GrassrootsCommitteeMinMembers.Value;
            yield return Warning(
                RuleWarningCode.TooFewForCommittee,
                $"党委及所属组织共有党员 {subtree} 人，不足设立基层党委的 {least} 人。",
                $"{subtree} members in the committee and the organizations under it, fewer than the {least} "
                    + "a grassroots committee is set up for.",
                rules.GrassrootsCommitteeMinMembers.Source + SettingUpRules.LocalCommitteeNote
            );
        }
    }

    private sealed record Row
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public OrganizationKind Kind { get; init; }
        public OrganizationField Field { get; init; }
        public Guid RegionRootId { get; init; }
        public DateOnly? TermStartedOn { get; init; }
        public bool HasCommittee { get; init; }
        public string Path { get; init; } = "";
        public int Depth { get; init; }
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
