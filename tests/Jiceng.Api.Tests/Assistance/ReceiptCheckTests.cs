using System.Net;
using System.Text;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Assistance;

/// <summary>
/// Receipt checks: a random sample of the year's paid applications, each drawn once, and the follow-up visit's
/// finding recorded once, by someone other than the payer. Σ ledger = balance after every test.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class ReceiptCheckTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Password = "Receipt-Check-Password-1";
    private Guid _branch;
    private HttpClient _preparer = null!;
    private HttpClient _approver = null!;
    private HttpClient _payer = null!;
    private HttpClient _visitor = null!;
    private readonly List<JsonElement> _paid = [];

    [OneTimeSetUp]
    public async Task PayFiveApplications()
    {
        var region = (await CreateOrganization(Unique("回访市委"), kind: "Committee", field: "Government")).Id();
        _branch = (await CreateOrganization(Unique("回访支部"), region, field: "UrbanCommunity")).Id();
        var fund = await Json.Read(
            await Post("/api/v1/assistance/funds", new { organizationId = region, name = "回访帮扶资金" }),
            HttpStatusCode.Created
        );
        await Json.Read(
            await Post(
                $"/api/v1/assistance/funds/{fund.Id()}/income",
                new
                {
                    source = "DuesShare",
                    amount = 50000m,
                    occurredOn = "2026-01-05",
                }
            ),
            HttpStatusCode.Created
        );
        _preparer = await User("FundManager");
        _approver = await User("FundApprover");
        _payer = await User("FundManager");
        _visitor = await User("FundManager");
        for (var i = 0; i < 5; i++)
        {
            _paid.Add(await Paid());
        }
    }

    private async Task<HttpClient> User(string role)
    {
        var username = Unique("rc");
        await Json.Read(
            await Post("/api/v1/users", new NewUser(username, "经办" + username[^4..], Password, [role])),
            HttpStatusCode.Created
        );
        return await SignedInClient(username, Password);
    }

    [TearDown]
    public async Task The_ledger_sums_to_every_balance()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var funds = await db.QueryAsync<(Guid Id, long Balance)>("SELECT id, balance FROM assistance_funds");
        foreach (var fund in funds)
        {
            var sum = await db.ExecuteScalarAsync<long>(
                "SELECT COALESCE(SUM(amount), 0) FROM assistance_ledger_entries WHERE fund_id = @id",
                new { id = fund.Id }
            );
            Assert.That(fund.Balance, Is.EqualTo(sum), $"fund {fund.Id}: balance = Σ ledger");
        }
    }

    private static async Task<JsonElement> Step(HttpClient who, string url, object body, JsonElement current)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(
                JsonSerializer.Serialize(body, Json.Options),
                Encoding.UTF8,
                "application/json"
            ),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{current.GetProperty("version").GetInt64()}\"");
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return await Json.Read(await who.SendAsync(request), HttpStatusCode.OK);
    }

    private static Task<HttpResponseMessage> FollowUp(HttpClient who, JsonElement application, object body)
    {
        var request = new HttpRequestMessage(
            HttpMethod.Post,
            $"/api/v1/assistance/applications/{application.Id()}/follow-up"
        )
        {
            Content = new StringContent(
                JsonSerializer.Serialize(body, Json.Options),
                Encoding.UTF8,
                "application/json"
            ),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{application.GetProperty("version").GetInt64()}\"");
        return who.SendAsync(request);
    }

    private async Task<JsonElement> Paid()
    {
        var member = await RegisterMember(NewMember.Full(_branch, Unique("回访")[..8]));
        var application = await Json.Read(
            await Post(
                "/api/v1/assistance/applications",
                new
                {
                    memberId = member,
                    category = "Illness",
                    amount = 300m,
                    reason = "住院治疗",
                }
            ),
            HttpStatusCode.Created
        );
        var url = $"/api/v1/assistance/applications/{application.Id()}";
        application = await Step(
            _preparer,
            url + "/review",
            new
            {
                reviewedOn = "2026-05-30",
                passed = true,
                noticeFrom = "2026-06-01",
                noticeTo = "2026-06-05",
            },
            application
        );
        application = await Step(_approver, url + "/approval", new { }, application);
        return await Step(
            _payer,
            url + "/disbursement",
            new
            {
                paidOn = "2026-06-15",
                method = "BankTransfer",
                reference = "转账-" + Guid.NewGuid().ToString("N")[..6],
            },
            application
        );
    }

    private async Task<JsonElement> Current(Guid id) =>
        await Json.Read(await Get($"/api/v1/assistance/applications/{id}"), HttpStatusCode.OK);

    [Test]
    public async Task A_draw_takes_each_paid_application_once_and_the_follow_up_is_recorded_once()
    {
        var first = await Json.Read(
            await Post("/api/v1/assistance/receipt-samples", new { year = 2026, count = 3 }),
            HttpStatusCode.OK
        );
        var second = await Json.Read(
            await Post("/api/v1/assistance/receipt-samples", new { year = 2026, count = 10 }),
            HttpStatusCode.OK
        );
        var drawnFirst = first.GetProperty("drawn").EnumerateArray().Select(a => a.Id()).ToList();
        var drawnSecond = second.GetProperty("drawn").EnumerateArray().Select(a => a.Id()).ToList();
        var mine = _paid.Select(p => p.Id()).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(drawnFirst, Has.Count.EqualTo(3));
            Assert.That(drawnFirst.Intersect(drawnSecond), Is.Empty, "never drawn twice");
            Assert.That(drawnFirst.Concat(drawnSecond).Where(mine.Contains).Count(), Is.EqualTo(5));
            Assert.That(
                first.GetProperty("candidates").GetInt64(),
                Is.EqualTo(second.GetProperty("candidates").GetInt64() + 3)
            );
        });
        var sampled = await Json.Read(
            await Get("/api/v1/assistance/applications?sampled=true&pageSize=100"),
            HttpStatusCode.OK
        );
        Assert.That(
            sampled.GetProperty("items").EnumerateArray().Select(a => a.Id()),
            Is.SupersetOf(drawnFirst.Concat(drawnSecond))
        );

        var application = await Current(drawnFirst[0]);
        Assert.That(application.GetProperty("sampled").GetBoolean(), Is.True);
        await Json.Problem(
            await FollowUp(_visitor, application, new { visitedOn = "2026-06-14", outcome = "NotReceived" }),
            HttpStatusCode.BadRequest,
            field: "note"
        );
        await Json.Problem(
            await FollowUp(_payer, application, new { visitedOn = "2026-06-14", outcome = "Received" }),
            HttpStatusCode.Conflict,
            "duties_not_separated"
        );
        await Json.Problem(
            await FollowUp(_visitor, application, new { visitedOn = "2026-07-01", outcome = "Received" }),
            HttpStatusCode.BadRequest,
            field: "visitedOn"
        );
        var recorded = await Json.Read(
            await FollowUp(
                _visitor,
                application,
                new
                {
                    visitedOn = "2026-06-14",
                    outcome = "ReceivedWithIssues",
                    note = "到账金额与批复一致，但晚到一周",
                }
            ),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(recorded.Str("followUp"), Is.EqualTo("ReceivedWithIssues"));
            Assert.That(recorded.GetProperty("steps").EnumerateArray().Last().Str("step"), Is.EqualTo("FollowUp"));
        });
        await Json.Problem(
            await FollowUp(_visitor, application, new { visitedOn = "2026-06-14", outcome = "Received" }),
            HttpStatusCode.PreconditionFailed
        );
        await Json.Problem(
            await FollowUp(_visitor, recorded, new { visitedOn = "2026-06-14", outcome = "Received" }),
            HttpStatusCode.Conflict,
            "follow_up_recorded"
        );

        // The check screen lists what was drawn with its outcome, and counts only what still waits for a visit.
        var listed = (
            await Json.Read(await Get("/api/v1/assistance/applications?sampled=true&pageSize=100"), HttpStatusCode.OK)
        )
            .GetProperty("items")
            .EnumerateArray()
            .ToDictionary(a => a.Id(), a => a.GetProperty("followUp"));
        var waiting = (
            await Json.Read(
                await Get("/api/v1/assistance/applications?awaitingFollowUp=true&pageSize=100"),
                HttpStatusCode.OK
            )
        )
            .GetProperty("items")
            .EnumerateArray()
            .Select(a => a.Id())
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(listed[drawnFirst[0]].GetString(), Is.EqualTo("ReceivedWithIssues"));
            Assert.That(listed[drawnFirst[1]].ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(waiting, Does.Not.Contain(drawnFirst[0]));
            Assert.That(waiting, Is.SupersetOf(drawnFirst.Skip(1).Concat(drawnSecond)));
        });

        await using var scope = Factory.Services.CreateAsyncScope();
        var toDo = (
            await scope
                .ServiceProvider.GetServices<Jiceng.Modules.Organizations.Contracts.IWorkQueueContributor>()
                .Single(c => c.Key == "assistance")
                .CountAsync(new(Guid.Empty, "", "~"), CancellationToken.None)
        ).Single(i => i.Key == "receiptChecksToVisit");
        Assert.Multiple(() =>
        {
            Assert.That(toDo.Count, Is.GreaterThanOrEqualTo(waiting.Count));
            Assert.That(toDo.Path, Is.EqualTo("/assistance/applications?inbox=followUp"));
        });
    }

    [Test]
    public async Task An_application_not_drawn_takes_no_follow_up_and_a_bad_draw_is_400()
    {
        var extra = await Paid();
        await Json.Problem(
            await FollowUp(_visitor, extra, new { visitedOn = "2026-06-14", outcome = "Received" }),
            HttpStatusCode.Conflict,
            "not_sampled"
        );
        await Json.Problem(
            await Post("/api/v1/assistance/receipt-samples", new { year = 2026, count = 0 }),
            HttpStatusCode.BadRequest,
            field: "count"
        );
        await Json.Problem(
            await Post("/api/v1/assistance/receipt-samples", new { count = 5 }),
            HttpStatusCode.BadRequest,
            field: "year"
        );
    }

    [Test]
    public async Task Another_region_draws_none_of_these()
    {
        var other = (await CreateOrganization(Unique("别处市委"), kind: "Committee", field: "Government")).Id();
        var username = Unique("rco");
        await Json.Read(
            await Post("/api/v1/users", NewUser.WithRole(username, Password, "FundManager", other)),
            HttpStatusCode.Created
        );
        var outsider = await SignedInClient(username, Password);
        var draw = await Json.Read(
            await outsider.PostAsync(
                "/api/v1/assistance/receipt-samples",
                new StringContent("{\"year\":2026,\"count\":100}", Encoding.UTF8, "application/json")
            ),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(draw.GetProperty("candidates").GetInt64(), Is.Zero);
            Assert.That(draw.GetProperty("drawn").GetArrayLength(), Is.Zero);
        });
        Assert.That(
            (await FollowUp(outsider, _paid[0], new { visitedOn = "2026-06-14", outcome = "Received" })).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound)
        );
    }

    [Test]
    public async Task Draws_at_once_mark_each_application_once_in_one_statement_and_record_one_step_each()
    {
        var fresh = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            fresh.Add((await Paid()).Id());
        }
        var draws = await Task.WhenAll(
            Enumerable
                .Range(0, 4)
                .Select(async _ =>
                    await Json.Read(
                        await Post("/api/v1/assistance/receipt-samples", new { year = 2026, count = 100 }),
                        HttpStatusCode.OK
                    )
                )
        );
        var drawn = draws.SelectMany(d => d.GetProperty("drawn").EnumerateArray().Select(a => a.Id())).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(drawn, Is.Unique, "no application in two draws");
            Assert.That(drawn, Is.SupersetOf(fresh), "every undrawn one drawn by one of them");
        });
        foreach (var id in fresh)
        {
            var application = await Current(id);
            Assert.Multiple(() =>
            {
                Assert.That(application.GetProperty("sampled").GetBoolean(), Is.True);
                Assert.That(
                    application.GetProperty("steps").EnumerateArray().Count(s => s.Str("step") == "Sampled"),
                    Is.EqualTo(1),
                    "one step per drawn application"
                );
            });
        }
    }
}
