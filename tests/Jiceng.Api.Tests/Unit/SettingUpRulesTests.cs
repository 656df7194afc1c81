using Jiceng.Modules.Organizations.Domain;

namespace Jiceng.Tests.Unit;

/// <summary>Terms and setting-up thresholds of the default rule set, at their boundaries.</summary>
public sealed class SettingUpRulesTests
{
    private static readonly OrganizationRuleSet Rules = OrganizationRuleSection.Instance.Defaults;

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [TestCase("Committee", "Government", "2026-06-15")]
    [TestCase("Committee", "StateOwnedEnterprise", "2026-06-15")]
    [TestCase("Committee", "Village", "2026-06-15")]
    [TestCase("GeneralBranch", "Government", "2024-06-15")]
    [TestCase("Branch", "School", "2024-06-15")]
    [TestCase("JointBranch", "PrivateEnterprise", "2024-06-15")]
    [TestCase("GeneralBranch", "UrbanCommunity", "2026-06-15")]
    [TestCase("Branch", "Village", "2026-06-15")]
    [TestCase("WorkingCommittee", "Government", null)]
    [TestCase("LeadingGroup", "StateOwnedEnterprise", null)]
    [TestCase("TemporaryBranch", "Other", null)]
    public void A_term_begun_on_15_June_2021_ends_by_kind_and_field(string kind, string field, string? endsOn) =>
        Assert.That(
            OrganizationTerms.EndsOn(
                D("2021-06-15"),
                Enum.Parse<OrganizationKind>(kind),
                Enum.Parse<OrganizationField>(field),
                Rules
            ),
            Is.EqualTo(endsOn is null ? (DateOnly?)null : D(endsOn))
        );

    [Test]
    public void A_rule_set_saved_before_the_committee_term_existed_reads_five_years_for_a_committee()
    {
        var stored = OrganizationRuleSection.Instance.Read(
            System
                .Text.Json.Nodes.JsonNode.Parse("""{ "committeeTermYears": { "value": 3, "source": "旧" } }""")!
                .AsObject()
        );
        Assert.Multiple(() =>
        {
            Assert.That(stored.GrassrootsCommitteeTermYearsOrDefault.Value, Is.EqualTo(5));
            Assert.That(stored.GrassrootsCommitteeTermYearsOrDefault.Source, Does.Contain("2018"));
        });
    }

    [TestCase(50, false)]
    [TestCase(51, true)]
    public void A_branch_of_more_than_50_members_is_too_large(int members, bool warned) =>
        Assert.That(SettingUpRules.BranchTooLarge(members, Rules), Is.EqualTo(warned));

    [TestCase(49, true)]
    [TestCase(50, false)]
    public void A_general_branch_needs_50_members(int members, bool warned) =>
        Assert.That(SettingUpRules.TooFewForGeneralBranch(members, Rules), Is.EqualTo(warned));

    [TestCase(99, true)]
    [TestCase(100, false)]
    public void A_grassroots_committee_needs_100_members(int members, bool warned) =>
        Assert.That(SettingUpRules.TooFewForCommittee(members, Rules), Is.EqualTo(warned));

    [TestCase(6, false, false, false)]
    [TestCase(6, true, false, true)]
    [TestCase(7, false, true, false)]
    [TestCase(7, true, false, false)]
    public void Seven_full_members_elect_a_committee_fewer_have_a_secretary(
        int full,
        bool hasCommittee,
        bool committeeRequired,
        bool committeeNotExpected
    ) =>
        Assert.Multiple(() =>
        {
            Assert.That(SettingUpRules.CommitteeRequired(full, hasCommittee, Rules), Is.EqualTo(committeeRequired));
            Assert.That(
                SettingUpRules.CommitteeNotExpected(full, hasCommittee, Rules),
                Is.EqualTo(committeeNotExpected)
            );
        });

    [TestCase("Committee", false, false, true)]
    [TestCase("Committee", true, false, false)]
    [TestCase("Committee", false, true, false)]
    [TestCase("WorkingCommittee", false, false, false)]
    [TestCase("LeadingGroup", false, false, false)]
    public void Only_a_committee_over_no_committee_below_the_region_top_is_a_grassroots_one(
        string kind,
        bool regionTop,
        bool directsCommittees,
        bool grassroots
    ) =>
        Assert.That(
            SettingUpRules.IsGrassrootsCommittee(Enum.Parse<OrganizationKind>(kind), regionTop, directsCommittees),
            Is.EqualTo(grassroots)
        );
}
