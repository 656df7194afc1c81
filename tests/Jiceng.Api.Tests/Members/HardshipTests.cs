using System.Net;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Members;

/// <summary>困难党员: the register with history, its notes protected. Today is 2026-06-15.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class HardshipTests(DatabaseProvider provider) : ApiTest(provider)
{
    private static int _sequence = 900;

    private async Task<(Guid Branch, Guid Member)> MemberInBranch(string name)
    {
        var branch = (await CreateOrganization(Unique("困难帮扶党支部"))).Id();
        var first17 = "230306" + "19450101" + (Interlocked.Add(ref _sequence, 2) % 1000).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        var member = await Json.Read(await Post("/api/v1/members", new
        {
            organizationId = branch, name, idNumber = first17 + ChineseIdNumber.CheckCharacter(first17), category = "Retired", stage = "Full",
            joinedOn = "1970-07-01", fullMemberOn = "1971-07-01",
        }), HttpStatusCode.Created);
        return (branch, member.Id());
    }

    [Test]
    public async Task A_hardship_is_recorded_once_at_a_time_ended_as_history_and_its_notes_shown_only_to_revealers()
    {
        var (branch, member) = await MemberInBranch("困难老党员");
        var url = $"/api/v1/members/{member}/hardships";
        var recorded = await Json.Read(await Post(url, new { category = "Illness", since = "2026-03-01", notes = "肺癌术后化疗，家庭月收入不足 1500 元" }), HttpStatusCode.Created);
        await Json.Problem(await Post(url, new { category = "LowIncome", since = "2026-05-01" }), HttpStatusCode.Conflict, code: "hardship_open");
        var inHardship = await Json.Read(await Get($"/api/v1/members?organizationId={branch}&inHardship=true"), HttpStatusCode.OK);

        var username = Unique("viewer");
        await Json.Read(await Post("/api/v1/users", new { username, displayName = "只读", password = "Viewer-Password-1", roles = new[] { "Viewer" } }), HttpStatusCode.Created);
        var viewer = await SignedInClient(username, "Viewer-Password-1");
        var seenByViewer = await Json.Read(await viewer.GetAsync(url), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(recorded.GetProperty("current").GetBoolean(), Is.True);
            Assert.That(recorded.Str("notes"), Does.Contain("化疗"), "the administrator may reveal personal data");
            Assert.That(inHardship.GetProperty("total").GetInt64(), Is.EqualTo(1));
            Assert.That(seenByViewer[0].GetProperty("hasNotes").GetBoolean(), Is.True);
            Assert.That(seenByViewer[0].GetProperty("notes").ValueKind, Is.EqualTo(JsonValueKind.Null), "a viewer sees that there are notes, not what they say");
        });

        await Json.Problem(await Put($"{url}/{recorded.Id()}", new { until = "2026-06-01" }, "\"9\""), HttpStatusCode.PreconditionFailed);
        await Json.Problem(await Put($"{url}/{recorded.Id()}", new { until = "2026-02-01" }, "\"1\""), HttpStatusCode.BadRequest, field: "until");
        var ended = await Json.Read(await Put($"{url}/{recorded.Id()}", new { until = "2026-06-01" }, "\"1\""), HttpStatusCode.OK);
        var again = await Json.Read(await Post(url, new { category = "LowIncome", since = "2026-06-10" }), HttpStatusCode.Created);
        var history = await Json.Read(await Get(url), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(ended.GetProperty("current").GetBoolean(), Is.False);
            Assert.That(again.GetProperty("current").GetBoolean(), Is.True);
            Assert.That(history.EnumerateArray().Select(h => h.Str("category")), Is.EqualTo(new[] { "LowIncome", "Illness" }));
        });
    }
}
