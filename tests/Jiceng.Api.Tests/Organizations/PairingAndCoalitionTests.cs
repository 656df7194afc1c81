using System.Net;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Organizations;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class PairingAndCoalitionTests(DatabaseProvider provider) : ApiTest(provider)
{
    [Test]
    public async Task A_pairing_is_seen_from_both_sides_and_an_overlapping_one_is_refused()
    {
        var unit = await CreateOrganization(Unique("市直机关党支部"), field: "Government");
        var village = await CreateOrganization(Unique("帮扶村党支部"), field: "Village");
        var created = await Post(
            $"/api/v1/organizations/{unit.Id()}/pairings",
            new
            {
                partnerOrganizationId = village.Id(),
                kind = "Contracting",
                startsOn = "2026-01-01",
            }
        );
        var pairing = await Json.Read(created, HttpStatusCode.Created);

        var fromVillage = await Json.Read(
            await Get($"/api/v1/organizations/{village.Id()}/pairings"),
            HttpStatusCode.OK
        );
        var reverse = await Post(
            $"/api/v1/organizations/{village.Id()}/pairings",
            new
            {
                partnerOrganizationId = unit.Id(),
                kind = "Contracting",
                startsOn = "2026-03-01",
            }
        );
        var otherKind = await Post(
            $"/api/v1/organizations/{village.Id()}/pairings",
            new
            {
                partnerOrganizationId = unit.Id(),
                kind = "Partnership",
                startsOn = "2026-03-01",
            }
        );
        Assert.Multiple(() =>
        {
            Assert.That(pairing.GetProperty("active").GetBoolean(), Is.True);
            Assert.That(
                fromVillage.GetProperty("items")[0].GetProperty("partnerOrganizationId").GetGuid(),
                Is.EqualTo(unit.Id())
            );
            Assert.That(
                fromVillage.GetProperty("items")[0].GetProperty("organizationId").GetGuid(),
                Is.EqualTo(village.Id())
            );
            Assert.That(otherKind.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        });
        await Json.Problem(reverse, HttpStatusCode.Conflict, code: "pairing_exists");

        var ended = await Json.Read(
            await Put(
                $"/api/v1/organizations/{unit.Id()}/pairings/{pairing.Id()}",
                new
                {
                    startsOn = "2026-01-01",
                    endsOn = "2026-05-31",
                    notes = "帮扶期满",
                },
                created.Headers.ETag!.Tag
            ),
            HttpStatusCode.OK
        );
        var activeOnly = await Json.Read(
            await Get($"/api/v1/organizations/{unit.Id()}/pairings?activeOnly=true&kind=Contracting"),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(ended.GetProperty("active").GetBoolean(), Is.False);
            Assert.That(activeOnly.GetProperty("total").GetInt64(), Is.EqualTo(0));
        });
    }

    [TestCase("self", "partnerOrganizationId")]
    [TestCase("unknown", "partnerOrganizationId")]
    [TestCase("endsBeforeStart", "endsOn")]
    [TestCase("noKind", "kind")]
    public async Task Invalid_pairings_return_400_on_the_field(string variant, string field)
    {
        var unit = await CreateOrganization(Unique("某单位党支部"));
        var partner = await CreateOrganization(Unique("某社区党委"), kind: "Committee");
        object body = variant switch
        {
            "self" => new
            {
                partnerOrganizationId = unit.Id(),
                kind = "Partnership",
                startsOn = "2026-01-01",
            },
            "unknown" => new
            {
                partnerOrganizationId = Guid.CreateVersion7(),
                kind = "Partnership",
                startsOn = "2026-01-01",
            },
            "endsBeforeStart" => new
            {
                partnerOrganizationId = partner.Id(),
                kind = "Partnership",
                startsOn = "2026-05-01",
                endsOn = "2026-04-01",
            },
            _ => new { partnerOrganizationId = partner.Id(), startsOn = "2026-05-01" },
        };
        await Json.Problem(
            await Post($"/api/v1/organizations/{unit.Id()}/pairings", body),
            HttpStatusCode.BadRequest,
            field: field
        );
    }

    [Test]
    public async Task A_coalition_groups_organizations_with_a_unique_name_and_is_replaced_with_if_match()
    {
        var street = await CreateOrganization(Unique("大连湾街道党工委"), kind: "WorkingCommittee");
        var army = await CreateOrganization(Unique("驻地部队党委"), kind: "Committee", field: "Other");
        var soe = await CreateOrganization(
            Unique("大连港某公司党委"),
            kind: "Committee",
            field: "StateOwnedEnterprise"
        );
        var name = Unique("大连湾党建联合体");

        var created = await Post(
            "/api/v1/coalitions",
            new
            {
                name,
                description = "6 家驻军驻警 + 5 家国企",
                memberOrganizationIds = new[] { street.Id(), army.Id() },
            }
        );
        var coalition = await Json.Read(created, HttpStatusCode.Created);
        await Json.Problem(
            await Post("/api/v1/coalitions", new { name, memberOrganizationIds = new[] { street.Id(), soe.Id() } }),
            HttpStatusCode.Conflict,
            code: "coalition_name_taken"
        );
        await Json.Problem(
            await Post(
                "/api/v1/coalitions",
                new { name = Unique("x"), memberOrganizationIds = new[] { street.Id(), Guid.CreateVersion7() } }
            ),
            HttpStatusCode.BadRequest,
            field: "memberOrganizationIds[1]"
        );
        await Json.Problem(
            await Post("/api/v1/coalitions", new { name = Unique("x"), memberOrganizationIds = new[] { street.Id() } }),
            HttpStatusCode.BadRequest,
            field: "memberOrganizationIds"
        );

        var url = $"/api/v1/coalitions/{coalition.Id()}";
        var replaced = await Json.Read(
            await Put(
                url,
                new { name, memberOrganizationIds = new[] { street.Id(), army.Id(), soe.Id() } },
                created.Headers.ETag!.Tag
            ),
            HttpStatusCode.OK
        );
        await Json.Problem(
            await Put(
                url,
                new { name, memberOrganizationIds = new[] { street.Id(), army.Id() } },
                created.Headers.ETag!.Tag
            ),
            HttpStatusCode.PreconditionFailed
        );
        var bySoe = await Json.Read(await Get($"/api/v1/coalitions?memberOf={soe.Id()}"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(replaced.GetProperty("members").GetArrayLength(), Is.EqualTo(3));
            Assert.That(bySoe.GetProperty("total").GetInt64(), Is.EqualTo(1));
            Assert.That(bySoe.GetProperty("items")[0].GetProperty("memberCount").GetInt32(), Is.EqualTo(3));
        });
    }
}
