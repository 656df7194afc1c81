using System.Net;
using System.Net.Http.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Members;

/// <summary>困难党员: the register with history, its notes protected. Today is 2026-06-15.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class HardshipTests(DatabaseProvider provider) : ApiTest(provider)
{
    private async Task<(Guid Branch, Guid Member)> MemberInBranch(string name)
    {
        var branch = (await CreateOrganization(Unique("困难帮扶党支部"))).Id();
        var member = await RegisterMember(
            NewMember.Full(branch, name, "1945-01-01", "1970-07-01", "1971-07-01", category: "Retired")
        );
        return (branch, member);
    }

    [Test]
    public async Task A_hardship_is_recorded_once_at_a_time_ended_as_history_and_its_notes_shown_only_to_revealers()
    {
        var (branch, member) = await MemberInBranch("困难老党员");
        var url = $"/api/v1/members/{member}/hardships";
        var recorded = await Json.Read(
            await Post(
                url,
                new
                {
                    category = "Illness",
                    since = "2026-03-01",
                    notes = "肺癌术后化疗，家庭月收入不足 1500 元",
                }
            ),
            HttpStatusCode.Created
        );
        await Json.Problem(
            await Post(url, new { category = "LowIncome", since = "2026-05-01" }),
            HttpStatusCode.Conflict,
            code: "hardship_open"
        );
        var inHardship = await Json.Read(
            await Get($"/api/v1/members?organizationId={branch}&inHardship=true"),
            HttpStatusCode.OK
        );

        var username = Unique("viewer");
        await Json.Read(
            await Post("/api/v1/users", new NewUser(username, "只读", "Viewer-Password-1", ["Viewer"])),
            HttpStatusCode.Created
        );
        var viewer = await SignedInClient(username, "Viewer-Password-1");
        var seenByViewer = await Json.Read(await viewer.GetAsync(url), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(recorded.GetProperty("current").GetBoolean(), Is.True);
            Assert.That(recorded.GetProperty("hasNotes").GetBoolean(), Is.True);
            Assert.That(
                recorded.ToString(),
                Does.Not.Contain("化疗"),
                "not even the administrator sees the notes without the reveal route"
            );
            Assert.That(inHardship.GetProperty("total").GetInt64(), Is.EqualTo(1));
            Assert.That(seenByViewer[0].GetProperty("hasNotes").GetBoolean(), Is.True);
            Assert.That(
                seenByViewer[0].ToString(),
                Does.Not.Contain("化疗"),
                "a viewer sees that there are notes, not what they say"
            );
        });

        // The notes are read like an ID number: permission, reason, one audit row; never in the audit themselves.
        var revealUrl = $"/api/v1/members/{member}/reveal";
        await Json.Problem(
            await viewer.PostAsJsonAsync(
                revealUrl,
                new
                {
                    field = "HardshipNotes",
                    hardshipId = recorded.Id(),
                    reason = "核实困难情况以便帮扶",
                },
                Json.Options
            ),
            HttpStatusCode.Forbidden
        );
        await Json.Problem(
            await Post(revealUrl, new { field = "HardshipNotes", reason = "核实困难情况以便帮扶" }),
            HttpStatusCode.BadRequest,
            field: "hardshipId"
        );
        await Json.Problem(
            await Post(
                revealUrl,
                new
                {
                    field = "HardshipNotes",
                    hardshipId = Guid.NewGuid(),
                    reason = "核实困难情况以便帮扶",
                }
            ),
            HttpStatusCode.NotFound
        );
        var notes = await Json.Read(
            await Post(
                revealUrl,
                new
                {
                    field = "HardshipNotes",
                    hardshipId = recorded.Id(),
                    reason = "核实困难情况以便帮扶",
                }
            ),
            HttpStatusCode.OK
        );
        var reveals = await Json.Read(await Get($"/api/v1/audit?entityId={member}&pageSize=100"), HttpStatusCode.OK);
        var recordedAudit = await Json.Read(
            await Get($"/api/v1/audit?action=RecordHardship&entityId={recorded.Id()}"),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(notes.Str("value"), Does.Contain("化疗"));
            Assert.That(
                reveals.GetProperty("items").EnumerateArray().Count(a => a.Str("action") == "RevealPersonalData"),
                Is.EqualTo(1),
                "one reveal, one audit row (the refused ones left none)"
            );
            Assert.That(
                reveals.GetProperty("items").EnumerateArray().Count(a => a.Str("action") == "RevealMemberData"),
                Is.Zero,
                "no second row derived from the request"
            );
            Assert.That(recordedAudit.GetProperty("total").GetInt64(), Is.EqualTo(1));
            Assert.That(
                recordedAudit.ToString(),
                Does.Contain("Illness").And.Not.Contain("化疗"),
                "the audit log records that there were notes, not what they say"
            );
        });

        await Json.Problem(
            await Put($"{url}/{recorded.Id()}", new { until = "2026-06-01" }, "\"9\""),
            HttpStatusCode.PreconditionFailed
        );
        await Json.Problem(
            await Put($"{url}/{recorded.Id()}", new { until = "2026-02-01" }, "\"1\""),
            HttpStatusCode.BadRequest,
            field: "until"
        );
        var ended = await Json.Read(
            await Put($"{url}/{recorded.Id()}", new { until = "2026-06-01" }, "\"1\""),
            HttpStatusCode.OK
        );
        await Json.Problem(
            await Put($"{url}/{recorded.Id()}", new { until = "2026-05-01" }, "\"2\""),
            HttpStatusCode.Conflict,
            code: "hardship_ended"
        );
        var again = await Json.Read(
            await Post(url, new { category = "LowIncome", since = "2026-06-10" }),
            HttpStatusCode.Created
        );
        await Json.Problem(
            await Post(
                url,
                new
                {
                    category = "Other",
                    since = "2026-06-11",
                    notes = new string('困', 501),
                }
            ),
            HttpStatusCode.BadRequest,
            field: "notes"
        );
        var history = await Json.Read(await Get(url), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(ended.GetProperty("current").GetBoolean(), Is.False);
            Assert.That(again.GetProperty("current").GetBoolean(), Is.True);
            Assert.That(
                history.EnumerateArray().Select(h => h.Str("category")),
                Is.EqualTo(new[] { "LowIncome", "Illness" })
            );
        });
    }

    [Test]
    public async Task Assistance_asks_who_is_in_hardship_on_a_day_within_a_scope_without_personal_details()
    {
        var (branch, member) = await MemberInBranch("帮扶对象");
        var (_, elsewhere) = await MemberInBranch("别处的帮扶对象");
        await Json.Read(
            await Post(
                $"/api/v1/members/{member}/hardships",
                new
                {
                    category = "Disaster",
                    since = "2026-02-01",
                    notes = "房屋受灾",
                }
            ),
            HttpStatusCode.Created
        );
        await Json.Read(
            await Post($"/api/v1/members/{elsewhere}/hardships", new { category = "Illness", since = "2026-02-01" }),
            HttpStatusCode.Created
        );

        await using var scope = Factory.Services.CreateAsyncScope();
        var hardships = scope.ServiceProvider.GetRequiredService<Jiceng.Modules.Members.Contracts.IMemberHardships>();
        var subtree = await scope
            .ServiceProvider.GetRequiredService<Jiceng.Modules.Organizations.Contracts.IOrganizationDirectory>()
            .SubtreeWithinAsync(branch, DataScope.WholeTree, CancellationToken.None);
        var branchScope = new DataScope(subtree!.PathFrom, subtree.PathTo);
        var onDay = await hardships.OnAsync(member, new DateOnly(2026, 6, 15), branchScope, CancellationToken.None);
        var before = await hardships.OnAsync(member, new DateOnly(2026, 1, 31), branchScope, CancellationToken.None);
        var outside = await hardships.OnAsync(
            elsewhere,
            new DateOnly(2026, 6, 15),
            branchScope,
            CancellationToken.None
        );
        var ledger = await hardships.OnDayAsync(new DateOnly(2026, 6, 15), branchScope, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(onDay, Is.Not.Null);
            Assert.That(
                (onDay!.Name, onDay.OrganizationId, onDay.Category, onDay.Since),
                Is.EqualTo(("帮扶对象", branch, "Disaster", new DateOnly(2026, 2, 1)))
            );
            Assert.That(before, Is.Null, "not yet in hardship that day");
            Assert.That(outside, Is.Null, "outside the scope");
            Assert.That(ledger.Select(h => h.MemberId), Is.EqualTo(new[] { member }));
        });
    }
}
