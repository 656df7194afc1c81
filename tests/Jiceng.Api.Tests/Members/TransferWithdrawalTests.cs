using System.Net;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Members;

/// <summary>
/// An expired letter is no dead end: it no longer holds the member (a new letter and a death may be recorded), and
/// the sending side may withdraw any letter awaiting receipt; the history keeps every letter. Today is 2026-06-15.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class TransferWithdrawalTests(DatabaseProvider provider) : ApiTest(provider)
{
    private Guid _branch;
    private Guid _receiving;

    [OneTimeSetUp]
    public async Task TwoBranches()
    {
        var region = await CreateOrganization(Unique("撤回市委"), kind: "Committee", field: "Government");
        _branch = (await CreateOrganization("转出支部", region.Id())).Id();
        _receiving = (await CreateOrganization("接收支部", region.Id())).Id();
    }

    private async Task<JsonElement> Member(string name) =>
        await Json.Read(
            await Post(
                "/api/v1/members",
                new
                {
                    organizationId = _branch,
                    name,
                    idNumber = TestIdNumbers.For("1970-03-01"),
                    category = "Retired",
                    stage = "Full",
                    joinedOn = "2000-07-01",
                    fullMemberOn = "2001-07-01",
                }
            ),
            HttpStatusCode.Created
        );

    private Task<HttpResponseMessage> Letter(Guid member, string number, string issuedOn) =>
        Post(
            $"/api/v1/members/{member}/transfers",
            new
            {
                toOrganizationId = _receiving,
                letterNumber = number,
                issuedOn,
            }
        );

    private Task<HttpResponseMessage> Withdraw(Guid transfer, object body, string? ifMatch = "\"1\"") =>
        Post($"/api/v1/members/transfers/{transfer}/withdrawal", body, ifMatch);

    private async Task<IReadOnlyList<JsonElement>> LettersOf(Guid member) =>
        (await Json.Read(await Get("/api/v1/members/transfers?direction=Outbox&pageSize=200"), HttpStatusCode.OK))
            .GetProperty("items")
            .EnumerateArray()
            .Where(t => t.GetProperty("memberId").GetGuid() == member)
            .ToList();

    [Test]
    public async Task An_expired_letter_no_longer_blocks_a_new_one_and_both_stay_in_the_history()
    {
        var member = (await Member("过期后重开")).Id();
        // Issued 2026-03-14, valid until 2026-06-14: expired yesterday.
        var expired = await Json.Read(await Letter(member, "旧-1", "2026-03-14"), HttpStatusCode.Created);
        var renewed = await Json.Read(await Letter(member, "新-1", "2026-06-15"), HttpStatusCode.Created);
        var third = await Letter(member, "新-2", "2026-06-15");
        // A receipt dated within the old letter's validity is still refused: it lapsed when the new one was issued.
        var oldReceipt = await Post(
            $"/api/v1/members/transfers/{expired.Id()}/receipt",
            new { receivedOn = "2026-05-01" },
            "\"2\""
        );
        var letters = await LettersOf(member);
        Assert.Multiple(async () =>
        {
            Assert.That(expired.GetProperty("expired").GetBoolean(), Is.True);
            Assert.That(renewed.Str("status"), Is.EqualTo("Pending"));
            await Json.Problem(third, HttpStatusCode.Conflict, code: "transfer_pending");
            await Json.Problem(oldReceipt, HttpStatusCode.Conflict, code: "letter_expired");
            Assert.That(
                letters.Single(l => l.Id() == expired.Id()).Str("status"),
                Is.EqualTo("Expired"),
                "the replaced letter lapsed"
            );
            Assert.That(
                letters.Select(l => l.Str("letterNumber")),
                Is.EquivalentTo(new[] { "旧-1", "新-1" }),
                "the history keeps every letter"
            );
        });
        var received = await Json.Read(
            await Post($"/api/v1/members/transfers/{renewed.Id()}/receipt", new { }, "\"1\""),
            HttpStatusCode.OK
        );
        Assert.That(received.Str("status"), Is.EqualTo("Received"));
    }

    [Test]
    public async Task A_letter_valid_through_today_still_holds_the_member()
    {
        var member = await Member("今日到期");
        // Issued 2026-03-15, valid until 2026-06-15: today is its last day.
        await Json.Read(await Letter(member.Id(), "今-1", "2026-03-15"), HttpStatusCode.Created);
        var (current, etag) = await GetWithETag($"/api/v1/members/{member.Id()}");
        Assert.Multiple(async () =>
        {
            await Json.Problem(
                await Letter(member.Id(), "今-2", "2026-06-15"),
                HttpStatusCode.Conflict,
                code: "transfer_pending"
            );
            await Json.Problem(
                await Post($"/api/v1/members/{member.Id()}/death", new { diedOn = "2026-06-10" }, etag),
                HttpStatusCode.Conflict,
                code: "transfer_pending"
            );
            Assert.That(current.Str("status"), Is.EqualTo("Active"));
        });
    }

    [Test]
    public async Task A_death_is_recorded_although_an_expired_letter_was_never_received()
    {
        var member = (await Member("过期未回执")).Id();
        var letter = await Json.Read(await Letter(member, "亡-1", "2026-01-10"), HttpStatusCode.Created);
        var (_, etag) = await GetWithETag($"/api/v1/members/{member}");
        var dead = await Json.Read(
            await Post($"/api/v1/members/{member}/death", new { diedOn = "2026-06-01" }, etag),
            HttpStatusCode.OK
        );
        var receipt = await Post(
            $"/api/v1/members/transfers/{letter.Id()}/receipt",
            new { receivedOn = "2026-02-01" },
            "\"1\""
        );
        Assert.Multiple(async () =>
        {
            Assert.That(dead.Str("status"), Is.EqualTo("Deceased"));
            await Json.Problem(receipt, HttpStatusCode.Conflict, code: "member_not_active");
        });
    }

    [Test]
    public async Task The_sending_side_withdraws_a_letter_with_a_reason_which_the_history_and_the_audit_log_keep()
    {
        var member = (await Member("撤回介绍信")).Id();
        var letter = await Json.Read(await Letter(member, "撤-1", "2026-06-01"), HttpStatusCode.Created);
        await Json.Problem(
            await Withdraw(letter.Id(), new { reason = " " }),
            HttpStatusCode.BadRequest,
            field: "reason"
        );
        await Json.Problem(
            await Withdraw(letter.Id(), new { reason = "接收单位填错" }, ifMatch: null),
            HttpStatusCode.PreconditionRequired
        );
        await Json.Problem(
            await Withdraw(letter.Id(), new { reason = "接收单位填错" }, "\"2\""),
            HttpStatusCode.PreconditionFailed
        );
        await Json.Problem(
            await Withdraw(letter.Id(), new { reason = "接收单位填错", withdrawnOn = "2026-05-31" }),
            HttpStatusCode.BadRequest,
            field: "withdrawnOn"
        );
        var response = await Withdraw(letter.Id(), new { reason = "接收单位填错" });
        var withdrawn = await Json.Read(response, HttpStatusCode.OK);
        var again = await Withdraw(letter.Id(), new { reason = "再次撤回" }, "\"2\"");
        var receipt = await Post($"/api/v1/members/transfers/{letter.Id()}/receipt", new { }, "\"2\"");
        var renewed = await Letter(member, "撤-2", "2026-06-15");
        var audit = await Json.Read(
            await Get($"/api/v1/audit?action=WithdrawTransfer&entityId={letter.Id()}"),
            HttpStatusCode.OK
        );
        var history = await LettersOf(member);
        Assert.Multiple(async () =>
        {
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
            Assert.That(withdrawn.Str("status"), Is.EqualTo("Withdrawn"));
            Assert.That(withdrawn.Str("withdrawnOn"), Is.EqualTo("2026-06-15"));
            Assert.That(withdrawn.Str("withdrawalReason"), Is.EqualTo("接收单位填错"));
            Assert.That(withdrawn.GetProperty("expired").GetBoolean(), Is.False);
            await Json.Problem(again, HttpStatusCode.Conflict, code: "transfer_withdrawn");
            await Json.Problem(receipt, HttpStatusCode.Conflict, code: "transfer_withdrawn");
            await Json.Read(renewed, HttpStatusCode.Created);
            Assert.That(audit.GetProperty("items").GetArrayLength(), Is.EqualTo(1), "one audited withdrawal");
            Assert.That(audit.GetProperty("items")[0].Str("entityType"), Is.EqualTo("Transfer"));
            Assert.That(
                history.Single(l => l.Id() == letter.Id()).Str("status"),
                Is.EqualTo("Withdrawn"),
                "the withdrawn letter stays in the history"
            );
        });
    }

    [Test]
    public async Task An_expired_letter_is_withdrawn_but_a_received_one_is_not()
    {
        var member = (await Member("过期撤回"));
        var expired = await Json.Read(await Letter(member.Id(), "期-1", "2026-01-10"), HttpStatusCode.Created);
        var withdrawn = await Json.Read(
            await Withdraw(expired.Id(), new { reason = "介绍信过期未办理" }),
            HttpStatusCode.OK
        );
        var next = await Json.Read(await Letter(member.Id(), "期-2", "2026-06-15"), HttpStatusCode.Created);
        await Json.Read(
            await Post($"/api/v1/members/transfers/{next.Id()}/receipt", new { }, "\"1\""),
            HttpStatusCode.OK
        );
        Assert.Multiple(async () =>
        {
            Assert.That(withdrawn.Str("status"), Is.EqualTo("Withdrawn"));
            await Json.Problem(
                await Withdraw(next.Id(), new { reason = "已回执后撤回" }, "\"2\""),
                HttpStatusCode.Conflict,
                code: "transfer_closed"
            );
        });
    }
}
