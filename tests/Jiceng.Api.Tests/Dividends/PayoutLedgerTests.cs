using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Dividends;

/// The payout ledger after the list exists: failed transfers marked and re-issued, reversals as new entries, the
/// bank's batch file (personal data: permission, reason, audit) and its result file applied once.
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class PayoutLedgerTests(DatabaseProvider provider) : PlanFixture(provider)
{
    private const string Account = "6217000012345678901";

    [OneTimeSetUp]
    public async Task GiveBankAccounts()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        foreach (var person in People.Take(2))
        {
            await db.ExecuteAsync(
                """
                UPDATE collective_members SET bank_name = '鹤壁农商银行', bank_account_cipher = @cipher,
                    bank_account_masked = '6217***********8901', id_number_cipher = @id
                WHERE id = @person
                """,
                new
                {
                    person,
                    cipher = protector.Encrypt(Account),
                    id = protector.Encrypt("410611195001010011"),
                }
            );
        }
    }

    private async Task<(Guid Plan, List<JsonElement> Payouts)> Paying()
    {
        var plan = await PlanAt("Approved", 1000.01m, payouts: true);
        var list = await Json.Read(
            await Accountant.GetAsync($"/api/v1/dividends/plans/{plan}/payouts?pageSize=200"),
            HttpStatusCode.OK
        );
        return (plan, list.GetProperty("items").EnumerateArray().ToList());
    }

    private string Today => Clock.GetUtcNow().UtcDateTime.Date.ToString("yyyy-MM-dd");

    private Task<HttpResponseMessage> Payout(Guid id, string step, object body, long version, string? key = null) =>
        Send(Accountant, $"/api/v1/dividends/payouts/{id}/{step}", body, $"\"{version}\"", key);

    [Test]
    public async Task A_failed_transfer_is_reissued_once_and_a_reversal_is_a_new_entry()
    {
        var (plan, payouts) = await Paying();
        var failedId = payouts[0].Id();

        var failed = await Json.Read(
            await Payout(failedId, "fail", new { reason = "账户已销户" }, 1),
            HttpStatusCode.OK
        );
        Assert.That(failed.Str("status"), Is.EqualTo("Failed"));
        Assert.That(failed.Str("failureReason"), Is.EqualTo("账户已销户"));
        var again = await Json.Problem(
            await Payout(failedId, "fail", new { reason = "again" }, 2),
            HttpStatusCode.Conflict,
            "payout_not_unpaid"
        );
        Assert.That(again.Str("payoutStatus"), Is.EqualTo("Failed"), "the payout's status, beside the problem's 409");
        var confirm = new
        {
            method = "Signature",
            paidOn = Today,
            reference = "签领表",
        };
        Assert.That(await Code(await Payout(failedId, "confirm", confirm, 2)), Is.EqualTo("payout_not_unpaid"));

        var key = Guid.NewGuid().ToString();
        var reissued = await Json.Read(
            await Payout(failedId, "reissue", new { note = "改发新卡" }, 2, key),
            HttpStatusCode.OK
        );
        var replay = await Json.Read(
            await Payout(failedId, "reissue", new { note = "改发新卡" }, 2, key),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(reissued.Str("kind"), Is.EqualTo("Reissue"));
            Assert.That(reissued.GetProperty("relatedId").GetGuid(), Is.EqualTo(failedId));
            Assert.That(reissued.Str("status"), Is.EqualTo("Unpaid"));
            Assert.That(
                reissued.GetProperty("amount").GetDecimal(),
                Is.EqualTo(payouts[0].GetProperty("amount").GetDecimal())
            );
            Assert.That(replay.Id(), Is.EqualTo(reissued.Id()), "a replay makes no second entry");
        });
        Assert.That(await Code(await Payout(failedId, "reissue", new { }, 3)), Is.EqualTo("payout_already_handled"));
        Assert.That(
            (await Payout(failedId, "reissue", new { }, 1)).StatusCode,
            Is.EqualTo(HttpStatusCode.PreconditionFailed)
        );

        var paidId = payouts[1].Id();
        var reverse = new { reversedOn = Today, reason = "误发，已收回" };
        Assert.That(await Code(await Payout(paidId, "reverse", reverse, 1)), Is.EqualTo("payout_not_paid"));
        await Json.Read(await Payout(paidId, "confirm", confirm, 1), HttpStatusCode.OK);
        var reversal = await Json.Read(await Payout(paidId, "reverse", reverse, 2), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(reversal.Str("kind"), Is.EqualTo("Reversal"));
            Assert.That(
                reversal.GetProperty("amount").GetDecimal(),
                Is.EqualTo(-payouts[1].GetProperty("amount").GetDecimal())
            );
            Assert.That(reversal.Str("note"), Is.EqualTo("误发，已收回"));
        });
        Assert.That(await Code(await Payout(paidId, "reverse", reverse, 3)), Is.EqualTo("payout_already_handled"));
        Assert.That(
            await Code(await Payout(reversal.Id(), "reverse", reverse, 1)),
            Is.EqualTo("payout_not_reversible")
        );

        var ledger = await Json.Read(
            await Accountant.GetAsync($"/api/v1/dividends/plans/{plan}/payouts?pageSize=200"),
            HttpStatusCode.OK
        );
        var entries = ledger.GetProperty("items").EnumerateArray().ToList();
        var original = entries.Single(e => e.Id() == paidId);
        Assert.Multiple(() =>
        {
            Assert.That(entries, Has.Count.EqualTo(payouts.Count + 2), "two new entries, nothing edited away");
            Assert.That(original.Str("status"), Is.EqualTo("Paid"), "the paid entry stays as it was");
            Assert.That(
                entries.Where(e => e.Str("status") == "Paid").Sum(e => e.GetProperty("amount").GetDecimal()),
                Is.EqualTo(0m),
                "paid and reversed net to nothing"
            );
        });
        var unclaimed = await Json.Read(
            await Accountant.GetAsync($"/api/v1/dividends/plans/{plan}/payouts?status=Unpaid&pageSize=200"),
            HttpStatusCode.OK
        );
        Assert.That(
            unclaimed.GetProperty("items").EnumerateArray().Select(e => e.Id()),
            Does.Contain(reissued.Id()).And.Not.Contain(failedId)
        );

        var (outsider, _) = await OutsiderClient();
        var foreign = await Send(
            outsider,
            $"/api/v1/dividends/payouts/{reissued.Id()}/fail",
            new { reason = "x" },
            "\"1\""
        );
        Assert.That(foreign.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task The_bank_batch_file_needs_the_permission_and_a_reason_and_is_audited()
    {
        var (plan, _) = await Paying();
        var url = $"/api/v1/dividends/plans/{plan}/payouts/bank-file";

        Assert.That(
            (await Reviewer.PostAsJsonAsync(url, new { reason = "银行代发分红" }, Json.Options)).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden),
            "the station's reviewer may not see bank accounts"
        );
        await Json.Problem(
            await Accountant.PostAsJsonAsync(url, new { reason = "" }, Json.Options),
            HttpStatusCode.BadRequest
        );
        var (outsider, _) = await OutsiderClient();
        Assert.That(
            (await outsider.PostAsJsonAsync(url, new { reason = "银行代发分红" }, Json.Options)).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound)
        );

        var csv = await Accountant.PostAsJsonAsync(url, new { reason = "银行代发分红", format = "Csv" }, Json.Options);
        Assert.That(csv.StatusCode, Is.EqualTo(HttpStatusCode.OK), await csv.Content.ReadAsStringAsync());
        var text = await csv.Content.ReadAsStringAsync();
        var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("付款编号").And.Contain(Account).And.Contain("410611195001010011"));
            Assert.That(
                rows,
                Has.Length.EqualTo(1 + 4),
                "two people with accounts, each with a dividend and a pension"
            );
            Assert.That(text, Does.Not.Contain("成员2"), "payees without an account are left out");
        });
        var xlsx = await Accountant.PostAsJsonAsync(url, new { reason = "银行代发分红" }, Json.Options);
        Assert.That(xlsx.Content.Headers.ContentType?.MediaType, Does.Contain("spreadsheetml"));

        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var audited = await db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'RevealPersonalData' AND entity_id = @id",
            new { id = plan.ToString() }
        );
        Assert.That(audited, Is.EqualTo(2), "each file is one audited reveal");
    }

    [Test]
    public async Task The_bank_result_file_confirms_each_line_once_and_reports_the_rest()
    {
        var (plan, payouts) = await Paying();
        var url = $"/api/v1/dividends/plans/{plan}/payouts/bank-result";
        var amount = payouts[3].GetProperty("amount").GetDecimal();
        var file =
            "付款编号,处理结果,银行流水号,失败原因,金额（元）\n"
            + $"{payouts[2].Id()},成功,BK-0001,,\n"
            + $"{payouts[3].Id()},失败,,户名不符,{amount}\n"
            + $"{payouts[4].Id()},成功,BK-0003,,{amount + 1}\n"
            + $"{Guid.NewGuid()},成功,BK-9,,\n"
            + "不是编号,成功,,,\n";

        var key = Guid.NewGuid().ToString();
        var report = await Json.Read(await Upload(url, file, key), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(report.GetProperty("rows").GetInt32(), Is.EqualTo(5));
            Assert.That(report.GetProperty("paid").GetInt32(), Is.EqualTo(1));
            Assert.That(report.GetProperty("failed").GetInt32(), Is.EqualTo(1));
            Assert.That(
                report.GetProperty("unknown").GetInt32(),
                Is.EqualTo(2),
                "another plan's, or the amount differs"
            );
            Assert.That(report.GetProperty("invalid").GetInt32(), Is.EqualTo(1));
            Assert.That(
                report.GetProperty("paidTotal").GetDecimal(),
                Is.EqualTo(payouts[2].GetProperty("amount").GetDecimal())
            );
            Assert.That(
                report.GetProperty("lines").EnumerateArray().Select(l => l.Str("outcome")),
                Is.EqualTo(new[] { "Paid", "Failed", "AmountMismatch", "Unknown", "Invalid" })
            );
        });

        var replay = await Json.Read(await Upload(url, file, key), HttpStatusCode.OK);
        Assert.That(replay.GetProperty("paid").GetInt32(), Is.EqualTo(1), "the same key answers the first report");
        var again = await Json.Read(await Upload(url, file, Guid.NewGuid().ToString()), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(again.GetProperty("paid").GetInt32(), Is.EqualTo(0), "nothing paid twice");
            Assert.That(again.GetProperty("unchanged").GetInt32(), Is.EqualTo(2));
        });

        var ledger = await Json.Read(
            await Accountant.GetAsync($"/api/v1/dividends/plans/{plan}/payouts?pageSize=200"),
            HttpStatusCode.OK
        );
        var byId = ledger.GetProperty("items").EnumerateArray().ToDictionary(e => e.Id());
        Assert.Multiple(() =>
        {
            Assert.That(byId[payouts[2].Id()].Str("status"), Is.EqualTo("Paid"));
            Assert.That(byId[payouts[2].Id()].Str("reference"), Is.EqualTo("BK-0001"));
            Assert.That(byId[payouts[2].Id()].Str("method"), Is.EqualTo("BankTransfer"));
            Assert.That(byId[payouts[3].Id()].Str("status"), Is.EqualTo("Failed"));
            Assert.That(byId[payouts[4].Id()].Str("status"), Is.EqualTo("Unpaid"));
        });

        var garbage = await Upload(url, "名字,金额\n张三,1\n", Guid.NewGuid().ToString());
        await Json.Problem(garbage, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Concurrent_result_uploads_and_confirmations_pay_each_payout_once()
    {
        if (Provider != DatabaseProvider.Postgres)
        {
            Assert.Ignore("The race is run on PostgreSQL; SQLite serializes writers.");
        }
        var (plan, payouts) = await Paying();
        var target = payouts[0].Id();
        var file = $"付款编号,处理结果,银行流水号\n{target},成功,BK-RACE\n";
        var uploads = Enumerable
            .Range(0, 16)
            .Select(_ =>
                Upload($"/api/v1/dividends/plans/{plan}/payouts/bank-result", file, Guid.NewGuid().ToString())
            );
        var confirms = Enumerable
            .Range(0, 16)
            .Select(i =>
                Payout(
                    target,
                    "confirm",
                    new
                    {
                        method = "Signature",
                        paidOn = Today,
                        reference = $"签领表-{i}",
                    },
                    1
                )
            );
        var answers = await Task.WhenAll(uploads.Concat(confirms));

        var paidByUpload = 0;
        foreach (var answer in answers.Take(16))
        {
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK), await answer.Content.ReadAsStringAsync());
            paidByUpload += (await Json.Read(answer, HttpStatusCode.OK)).GetProperty("paid").GetInt32();
        }
        var paidByHand = answers.Skip(16).Count(a => a.StatusCode == HttpStatusCode.OK);
        Assert.That(paidByUpload + paidByHand, Is.EqualTo(1), "exactly one of 32 confirmations took effect");
        Assert.That(answers.Skip(16).All(a => (int)a.StatusCode is 200 or 409 or 412), Is.True);
    }

    private Task<HttpResponseMessage> Upload(string url, string csv, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new MultipartFormDataContent("jiceng-bank-result-boundary")
            {
                { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "bank-result.csv" },
            },
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return Accountant.SendAsync(request);
    }
}
