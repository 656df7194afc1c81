using System.Net;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Organizations;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class RectificationTests(DatabaseProvider provider) : ApiTest(provider)
{
    private async Task<(Guid Organization, HttpResponseMessage Response)> Open(
        string dueOn,
        Guid? organizationId = null
    )
    {
        var organization =
            organizationId ?? (await CreateOrganization(Unique("软弱涣散村党支部"), field: "Village")).Id();
        var response = await Post(
            $"/api/v1/organizations/{organization}/rectifications",
            new
            {
                reasons = new[] { "书记长期缺职（超过 3 个月）", "组织生活不正常" },
                plan = "选派第一书记，三个月内配齐班子，恢复“三会一课”。",
                responsiblePerson = "王建国",
                flaggedOn = "2026-03-01",
                dueOn,
            }
        );
        return (organization, response);
    }

    [Test]
    public async Task A_rectification_is_opened_noted_and_closed_and_then_refuses_changes()
    {
        var (organization, opened) = await Open("2026-09-30");
        var rectification = await Json.Read(opened, HttpStatusCode.Created);
        var url = $"/api/v1/organizations/{organization}/rectifications/{rectification.Id()}";

        var noted = await Post($"{url}/notes", new { notedOn = "2026-04-01", content = "已选派第一书记到岗。" });
        var withNote = await Json.Read(noted, HttpStatusCode.Created);
        var closeWithOldETag = await Post(
            $"{url}/close",
            new { closureNote = "班子配齐" },
            ifMatch: opened.Headers.ETag!.Tag
        );
        await Json.Problem(closeWithOldETag, HttpStatusCode.PreconditionFailed);

        var closed = await Json.Read(
            await Post(
                $"{url}/close",
                new { closedOn = "2026-06-10", closureNote = "班子配齐，组织生活恢复正常，销号。" },
                ifMatch: noted.Headers.ETag!.Tag
            ),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(withNote.GetProperty("notes")[0].Str("content"), Is.EqualTo("已选派第一书记到岗。"));
            Assert.That(closed.Str("status"), Is.EqualTo("Closed"));
            Assert.That(closed.Str("closedOn"), Is.EqualTo("2026-06-10"));
            Assert.That(closed.GetProperty("reasons").GetArrayLength(), Is.EqualTo(2));
        });

        var (_, etag) = await GetWithETag(url);
        await Json.Problem(
            await Post($"{url}/notes", new { content = "再记一笔" }),
            HttpStatusCode.Conflict,
            code: "rectification_closed"
        );
        await Json.Problem(
            await Post($"{url}/close", new { closureNote = "again" }, ifMatch: etag),
            HttpStatusCode.Conflict,
            code: "rectification_closed"
        );
        await Json.Problem(
            await Put(
                url,
                new
                {
                    reasons = new[] { "x" },
                    plan = "p",
                    responsiblePerson = "r",
                    dueOn = "2026-12-01",
                },
                etag
            ),
            HttpStatusCode.Conflict,
            code: "rectification_closed"
        );
    }

    [TestCase("""{"reasons":[],"plan":"p","responsiblePerson":"r","dueOn":"2026-12-01"}""", "reasons")]
    [TestCase("""{"reasons":[""],"plan":"p","responsiblePerson":"r","dueOn":"2026-12-01"}""", "reasons[0]")]
    [TestCase("""{"reasons":["a"],"plan":"","responsiblePerson":"r","dueOn":"2026-12-01"}""", "plan")]
    [TestCase("""{"reasons":["a"],"plan":"p","responsiblePerson":"","dueOn":"2026-12-01"}""", "responsiblePerson")]
    [TestCase("""{"reasons":["a"],"plan":"p","responsiblePerson":"r"}""", "dueOn")]
    [TestCase(
        """{"reasons":["a"],"plan":"p","responsiblePerson":"r","flaggedOn":"2026-05-01","dueOn":"2026-04-01"}""",
        "dueOn"
    )]
    public async Task Each_invalid_field_returns_400_naming_it(string body, string field)
    {
        var organization = await CreateOrganization(Unique("某党支部"));
        await Json.Problem(
            await SendRaw(HttpMethod.Post, $"/api/v1/organizations/{organization.Id()}/rectifications", body),
            HttpStatusCode.BadRequest,
            field: field
        );
    }

    [Test]
    public async Task The_overdue_list_covers_the_subtree_and_counts_days_in_china_time()
    {
        var root = await CreateOrganization(Unique("敦化市委"), kind: "Committee", field: "Government");
        var town = await CreateOrganization("某镇党委", root.Id(), "Committee", "Village");
        var village = await CreateOrganization("某村党支部", town.Id(), field: "Village");
        await Open("2026-06-10", village.Id());
        await Open("2026-06-15", village.Id());
        await Open("2026-12-31", town.Id());

        // 2026-06-15 10:00 in Shanghai: only the one due on 06-10 is overdue (5 days).
        var before = await Json.Read(
            await Get($"/api/v1/organizations/{root.Id()}/rectifications/overdue"),
            HttpStatusCode.OK
        );
        Assert.That(before.GetProperty("total").GetInt64(), Is.EqualTo(1));
        Assert.That(before.GetProperty("items")[0].GetProperty("daysOverdue").GetInt32(), Is.EqualTo(5));

        // 16:30 UTC is 00:30 on 06-16 in Shanghai: the one due on
        // 06-15 becomes overdue although UTC is still on the 15th.
        Clock.Set(new DateTimeOffset(2026, 6, 15, 16, 30, 0, TimeSpan.Zero));
        await SignInAgain();
        try
        {
            var after = await Json.Read(
                await Get($"/api/v1/organizations/{root.Id()}/rectifications/overdue"),
                HttpStatusCode.OK
            );
            var onlyTown = await Json.Read(
                await Get($"/api/v1/organizations/{town.Id()}/rectifications"),
                HttpStatusCode.OK
            );
            var stats = await Json.Read(await Get($"/api/v1/organizations/{root.Id()}/stats"), HttpStatusCode.OK);
            Assert.Multiple(() =>
            {
                Assert.That(after.GetProperty("total").GetInt64(), Is.EqualTo(2));
                Assert.That(
                    onlyTown.GetProperty("total").GetInt64(),
                    Is.EqualTo(1),
                    "without includeDescendants only the organization's own"
                );
                Assert.That(stats.GetProperty("openRectifications").GetInt64(), Is.EqualTo(3));
                Assert.That(stats.GetProperty("overdueRectifications").GetInt64(), Is.EqualTo(2));
            });
        }
        finally
        {
            Clock.Set(ApiFactory.Start);
        }
    }
}
