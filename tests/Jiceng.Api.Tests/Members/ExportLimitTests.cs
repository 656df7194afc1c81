using System.Net;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Members;

/// <summary>A revealed export counts each member as a reveal; a caller runs at most two exports at once.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class ExportLimitTests(DatabaseProvider provider) : ApiTest(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Security:RevealsPerHour"] = "3" };

    private async Task<Guid> BranchWith(int members)
    {
        var branch = (await CreateOrganization(Unique("导出限额党支部"))).Id();
        for (var i = 0; i < members; i++)
        {
            await RegisterMember(NewMember.Full(branch, "党员" + i, "1968-08-08", "2000-07-01", "2001-07-01"));
        }
        return branch;
    }

    private static string Revealed(Guid branch) =>
        $"/api/v1/members/export?organizationId={branch}&format=Csv&revealReason="
        + Uri.EscapeDataString("年度党员信息采集核对");

    [Test]
    public async Task Each_revealed_row_counts_against_the_hourly_limit_and_is_audited_by_member()
    {
        var two = await BranchWith(2);
        var four = await BranchWith(4);

        var revealed = await Get(Revealed(two));
        var again = await Get(Revealed(two));
        var tooLarge = await Get(Revealed(four));
        var audit = await Json.Read(
            await Get($"/api/v1/audit?action=RevealPersonalData&within={two}"),
            HttpStatusCode.OK
        );
        var auditFour = await Json.Read(
            await Get($"/api/v1/audit?action=RevealPersonalData&within={four}"),
            HttpStatusCode.OK
        );
        await Json.Problem(again, HttpStatusCode.TooManyRequests);
        await Json.Problem(tooLarge, HttpStatusCode.Conflict, code: "reveal_too_large");
        Assert.Multiple(() =>
        {
            Assert.That(revealed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(again.Headers.RetryAfter, Is.Not.Null);
            Assert.That(
                audit.GetProperty("total").GetInt64(),
                Is.EqualTo(2),
                "one reveal per member in the file; the refused second file adds none"
            );
            Assert.That(
                audit.GetProperty("items").EnumerateArray().Select(i => i.Str("entityType")),
                Is.All.EqualTo("Member")
            );
            Assert.That(auditFour.GetProperty("total").GetInt64(), Is.Zero);
        });
        // A masked export is no reveal and stays open.
        Assert.That(
            (await Get($"/api/v1/members/export?organizationId={four}&format=Csv")).StatusCode,
            Is.EqualTo(HttpStatusCode.OK)
        );
    }

    [Test]
    public async Task A_third_export_at_the_same_time_is_429_and_a_slot_is_given_back_when_the_file_is_written()
    {
        var branch = await BranchWith(1);
        var me = await Json.Read(await Get("/api/v1/auth/me"), HttpStatusCode.OK);
        var gate = Factory.Services.GetRequiredService<ExportGate>();
        var key = $"{CallerKind.User}:{me.Id()}";
        // Two exports of this caller still running.
        var first = gate.Enter(key);
        using var second = gate.Enter(key);

        var third = await Get($"/api/v1/members/export?organizationId={branch}&format=Csv");
        var otherList = await Get($"/api/v1/members/transfers/export?organizationId={branch}");
        await Json.Problem(third, HttpStatusCode.TooManyRequests);
        await Json.Problem(otherList, HttpStatusCode.TooManyRequests);
        first.Dispose();
        var afterOneEnded = await Get($"/api/v1/members/export?organizationId={branch}&format=Csv");
        Assert.Multiple(() =>
        {
            Assert.That(third.Headers.RetryAfter, Is.Not.Null);
            Assert.That(afterOneEnded.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(gate.Running(key), Is.EqualTo(1), "the finished export gave its slot back");
        });
    }
}
