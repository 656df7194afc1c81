using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Organizations.Domain;

/// <summary>
/// How long an organization's elected committee serves (中办《关于党的基层组织任期的意见》, 2018): a grassroots
/// committee (党委) five years; a general branch and a branch three; in villages and communities every one of them
/// five. Working committees (党工委) and leading groups (党组) are appointed by the committee that set them up, and a
/// temporary branch's secretary and members are named by the organization that approved it: none is elected, so
/// none has a term and none is warned of one.
/// </summary>
internal static class OrganizationTerms
{
    public static NumberRule DefaultGrassrootsCommitteeTermYears =>
        OrganizationRuleSection.GrassrootsCommitteeTermYears.DefaultRule;

    public const string NotElectedSource =
        "党工委、党组由批准其设立的党委任命，不经选举，不实行届期；临时党支部的书记、副书记和委员由批准其成立的党组织指定"
        + "（《中国共产党支部工作条例（试行）》第七条）。";

    /// <summary>The term rule of an organization (its years and source), or null when it is not elected.</summary>
    public static NumberRule? TermFor(OrganizationKind kind, OrganizationField field, OrganizationRuleSet rules) =>
        kind switch
        {
            OrganizationKind.WorkingCommittee or OrganizationKind.LeadingGroup or OrganizationKind.TemporaryBranch =>
                null,
            _ when field is OrganizationField.Village or OrganizationField.UrbanCommunity =>
                rules.VillageCommunityTermYears,
            OrganizationKind.Committee => rules.GrassrootsCommitteeTermYearsOrDefault,
            _ => rules.CommitteeTermYears,
        };

    /// <summary>The day a term begun on <paramref name="startedOn"/> ends: the same date, the term's years on.
    /// </summary>
    public static DateOnly? EndsOn(
        DateOnly? startedOn,
        OrganizationKind kind,
        OrganizationField field,
        OrganizationRuleSet rules
    ) => startedOn is { } started && TermFor(kind, field, rules) is { } term ? started.AddYears(term.Value) : null;
}
