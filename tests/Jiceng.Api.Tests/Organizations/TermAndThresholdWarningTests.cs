using System.Net;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Organizations;

/// <summary>
/// Terms by kind (中办 2018: 党委 5 years, 党总支 and 党支部 3, villages and communities 5, 党工委 and 党组 none) and the
/// setting-up thresholds, with member counts from Members. The test clock's today is 2026-06-15.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class TermAndThresholdWarningTests(DatabaseProvider provider) : ApiTest(provider)
{
    private async Task<List<JsonElement>> Warnings(Guid within) =>
        (await Json.Read(await Get($"/api/v1/organizations/warnings?within={within}&pageSize=200"), HttpStatusCode.OK))
            .GetProperty("items")
            .EnumerateArray()
            .ToList();

    private static string[] Codes(IEnumerable<JsonElement> warnings, Guid organization) =>
        warnings
            .Where(w => w.GetProperty("organizationId").GetGuid() == organization)
            .Select(w => w.Str("code"))
            .ToArray();

    private async Task AddMembers(Guid organization, int count, string stage = "Full")
    {
        for (var i = 0; i < count; i++)
        {
            await Json.Read(
                await Post(
                    "/api/v1/members",
                    new
                    {
                        organizationId = organization,
                        name = $"党员{i}",
                        idNumber = TestIdNumbers.For(),
                        category = "InService",
                        stage,
                        joinedOn = "2020-07-01",
                        fullMemberOn = stage == "Full" ? "2021-07-01" : null,
                    }
                ),
                HttpStatusCode.Created
            );
        }
    }

    private async Task<JsonElement> Organization(
        string name,
        Guid parent,
        string kind,
        string field = "Government",
        string? termStartedOn = null,
        bool? hasCommittee = null
    ) =>
        await Json.Read(
            await Post(
                "/api/v1/organizations",
                new
                {
                    parentId = parent,
                    name,
                    kind,
                    field,
                    termStartedOn,
                    hasCommittee,
                }
            ),
            HttpStatusCode.Created
        );

    [Test]
    public async Task Terms_run_five_years_for_a_committee_three_for_branches_and_none_for_appointed_bodies()
    {
        var root = await CreateOrganization(Unique("任期市委"), kind: "Committee", field: "Government");
        var endsToday = await Organization("今日届满党委", root.Id(), "Committee", termStartedOn: "2021-06-15");
        var endedYesterday = await Organization("昨日届满党委", root.Id(), "Committee", termStartedOn: "2021-06-14");
        var midTerm = await Organization("任中党委", root.Id(), "Committee", termStartedOn: "2023-06-15");
        var generalBranch = await Organization("届满党总支", root.Id(), "GeneralBranch", termStartedOn: "2023-06-15");
        var overdueBranch = await Organization("超期党支部", midTerm.Id(), "Branch", termStartedOn: "2023-06-14");
        var villageBranch = await Organization(
            "村党支部",
            midTerm.Id(),
            "Branch",
            field: "Village",
            termStartedOn: "2023-06-14"
        );
        var working = await Organization("街道党工委", root.Id(), "WorkingCommittee", termStartedOn: "2010-01-01");
        var leading = await Organization("局党组", root.Id(), "LeadingGroup", termStartedOn: "2010-01-01");

        var warnings = (await Warnings(root.Id())).Where(w =>
            w.Str("code").StartsWith("Term", StringComparison.Ordinal)
        );
        var terms = warnings.ToDictionary(w => w.GetProperty("organizationId").GetGuid(), w => w);
        var committee = await Json.Read(await Get($"/api/v1/organizations/{endsToday.Id()}"), HttpStatusCode.OK);
        var workingRead = await Json.Read(await Get($"/api/v1/organizations/{working.Id()}"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(terms[endsToday.Id()].Str("code"), Is.EqualTo("TermEndingSoon"));
            Assert.That(terms[endsToday.Id()].Str("dueOn"), Is.EqualTo("2026-06-15"));
            Assert.That(terms[endsToday.Id()].Str("message"), Does.Contain("0 天"));
            Assert.That(terms[endedYesterday.Id()].Str("code"), Is.EqualTo("TermOverdue"));
            Assert.That(terms[endedYesterday.Id()].Str("ruleSource"), Does.Contain("5 年"));
            Assert.That(terms.ContainsKey(midTerm.Id()), Is.False, "a committee's term runs five years, to 2028");
            Assert.That(terms[generalBranch.Id()].Str("code"), Is.EqualTo("TermEndingSoon"));
            Assert.That(terms[overdueBranch.Id()].Str("code"), Is.EqualTo("TermOverdue"));
            Assert.That(terms[overdueBranch.Id()].Str("ruleSource"), Does.Contain("3 年"));
            Assert.That(terms.ContainsKey(villageBranch.Id()), Is.False, "village terms run five years");
            Assert.That(terms.ContainsKey(working.Id()), Is.False, "a working committee is appointed");
            Assert.That(terms.ContainsKey(leading.Id()), Is.False, "a leading group is appointed");
            Assert.That(committee.Str("termEndsOn"), Is.EqualTo("2026-06-15"));
            Assert.That(workingRead.GetProperty("termEndsOn").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Member_counts_warn_of_a_large_branch_a_small_general_branch_or_committee_and_the_committee_rule()
    {
        var root = await CreateOrganization(Unique("人数市委"), kind: "Committee", field: "Government");
        var county = await Organization("县委", root.Id(), "Committee");
        var township = await Organization("镇党委", county.Id(), "Committee");
        var generalBranch = await Organization("机关党总支", township.Id(), "GeneralBranch");
        var large = await Organization("大党支部", township.Id(), "Branch");
        var secretaryOnly = await Organization("六人支部", generalBranch.Id(), "Branch", hasCommittee: true);
        var seven = await Organization("七人支部", township.Id(), "Branch", hasCommittee: false);
        var sevenWithCommittee = await Organization("七人有支委支部", township.Id(), "Branch", hasCommittee: true);
        await AddMembers(large.Id(), 45);
        await AddMembers(large.Id(), 5, "Probationary");
        await AddMembers(secretaryOnly.Id(), 6);
        await AddMembers(seven.Id(), 7);
        await AddMembers(sevenWithCommittee.Id(), 7);

        var atFifty = await Warnings(root.Id());
        await AddMembers(large.Id(), 1, "Probationary");
        var atFiftyOne = await Warnings(root.Id());
        Assert.Multiple(() =>
        {
            Assert.That(Codes(atFifty, large.Id()), Does.Not.Contain("BranchTooLarge"), "50 members is allowed");
            Assert.That(Codes(atFiftyOne, large.Id()), Does.Contain("BranchTooLarge"), "51 with probationary ones");
            Assert.That(
                atFiftyOne.First(w => w.Str("code") == "BranchTooLarge").Str("message"),
                Does.Contain("51").And.Contain("50")
            );
            Assert.That(Codes(atFiftyOne, secretaryOnly.Id()), Is.EqualTo(new[] { "CommitteeNotExpected" }));
            Assert.That(Codes(atFiftyOne, seven.Id()), Is.EqualTo(new[] { "CommitteeRequired" }));
            Assert.That(Codes(atFiftyOne, sevenWithCommittee.Id()), Is.Empty);
            Assert.That(Codes(atFiftyOne, generalBranch.Id()), Is.EqualTo(new[] { "TooFewForGeneralBranch" }));
            Assert.That(
                atFiftyOne.First(w => w.Str("code") == "TooFewForGeneralBranch").Str("message"),
                Does.Contain(" 6 人")
            );
            // 51 + 6 + 7 + 7 = 71 members under the township committee, fewer than 100.
            Assert.That(Codes(atFiftyOne, township.Id()), Is.EqualTo(new[] { "TooFewForCommittee" }));
            Assert.That(
                atFiftyOne.First(w => w.Str("code") == "TooFewForCommittee").Str("message"),
                Does.Contain("71")
            );
            Assert.That(Codes(atFiftyOne, county.Id()), Is.Empty, "a county committee directs committees");
            Assert.That(Codes(atFiftyOne, root.Id()), Is.Empty, "a region's top is no grassroots committee");
        });

        // Editing without hasCommittee keeps it; with it, the branch of six now has a secretary only.
        var (body, etag) = await GetWithETag($"/api/v1/organizations/{secretaryOnly.Id()}");
        var kept = await Json.Read(
            await Put(
                $"/api/v1/organizations/{secretaryOnly.Id()}",
                new
                {
                    name = body.Str("name"),
                    kind = "Branch",
                    field = "Government",
                },
                etag
            ),
            HttpStatusCode.OK
        );
        var (_, etag2) = await GetWithETag($"/api/v1/organizations/{secretaryOnly.Id()}");
        var changed = await Json.Read(
            await Put(
                $"/api/v1/organizations/{secretaryOnly.Id()}",
                new
                {
                    name = body.Str("name"),
                    kind = "Branch",
                    field = "Government",
                    hasCommittee = false,
                },
                etag2
            ),
            HttpStatusCode.OK
        );
        Assert.Multiple(async () =>
        {
            Assert.That(kept.GetProperty("hasCommittee").GetBoolean(), Is.True);
            Assert.That(changed.GetProperty("hasCommittee").GetBoolean(), Is.False);
            Assert.That(Codes(await Warnings(root.Id()), secretaryOnly.Id()), Is.Empty);
        });
    }
}
