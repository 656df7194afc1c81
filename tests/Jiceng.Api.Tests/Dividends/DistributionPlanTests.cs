using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Dividends;

/// A plan from its preview through the 四议 steps, the station's review, the notice with an objection, approval and
/// payouts, with the refusals at each step; on both providers.
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class DistributionPlanTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Password = "Plan-Test-Password-7";
    private HttpClient _accountant = null!;
    private HttpClient _reviewer = null!;
    private Guid _collective;
    private Guid _population;
    private Guid _labour;
    private readonly List<Guid> _people = [];

    [OneTimeSetUp]
    public async Task Register()
    {
        var org = (await CreateOrganization(Unique("三海社区党支部"))).Id();
        foreach (var (user, role) in new[] { ("acct", "CollectiveAccountant"), ("rev", "RuralEconomyReviewer") })
        {
            var name = Unique(user);
            await Json.Read(
                await Post("/api/v1/users", NewUser.WithRole(name, Password, role, org)),
                HttpStatusCode.Created
            );
            if (role == "CollectiveAccountant")
            {
                _accountant = await SignedInClient(name, Password);
            }
            else
            {
                _reviewer = await SignedInClient(name, Password);
            }
        }
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var path = (
            await db.QuerySingleOrDefaultAsync<OrgRow>(
                "SELECT path, region_root_id FROM organizations WHERE id = @org",
                new { org }
            )
        )!;
        _collective = Guid.CreateVersion7();
        var now = Clock.GetUtcNow();
        await db.ExecuteAsync(
            """
            INSERT INTO collectives (id, org_id, org_path, region_root_id, name, kind, credit_code,
                land_transferred_centimu, share_management, created_at, updated_at, version)
            VALUES (@id, @org, @path, @region, '三海社区股份经济合作社', 'StockCooperative', @code, 0, 'Static', @now,
                @now, 1)
            """,
            new
            {
                id = _collective,
                org,
                path = path.Path,
                region = path.RegionRootId,
                code = Guid.NewGuid().ToString("N")[..18].ToUpperInvariant(),
                now,
            }
        );
        _population = Guid.CreateVersion7();
        _labour = Guid.CreateVersion7();
        foreach (
            var (type, kind, weight) in new[] { (_population, "Population", 10_000L), (_labour, "LabourAge", 5_000L) }
        )
        {
            await db.ExecuteAsync(
                """
                INSERT INTO collective_share_types (id, collective_id, name, kind, weight_ten_thousandths, sort_order,
                    created_at, updated_at, version)
                VALUES (@type, @collective, @kind, @kind, @weight, 1, @now, @now, 1)
                """,
                new
                {
                    type,
                    collective = _collective,
                    kind,
                    weight,
                    now,
                }
            );
        }
        var change = Guid.CreateVersion7();
        await db.ExecuteAsync(
            """
            INSERT INTO collective_share_changes (id, collective_id, org_path, region_root_id, kind, effective_on,
                recorded_by, recorded_at)
            VALUES (@change, @collective, @path, @region, 'Initial', '2020-01-01', 'test', @now)
            """,
            new
            {
                change,
                collective = _collective,
                path = path.Path,
                region = path.RegionRootId,
                now,
            }
        );
        // Five people in three households; the fifth's shares arrive after the cut-off date and do not count.
        var line = 0;
        for (var i = 0; i < 5; i++)
        {
            var household = Guid.CreateVersion7();
            if (i < 3)
            {
                await db.ExecuteAsync(
                    """
                    INSERT INTO collective_households (id, collective_id, org_id, org_path, region_root_id, number,
                        created_on, created_at, updated_at, version)
                    VALUES (@household, @collective, @org, @path, @region, @number, '2020-01-01', @now, @now, 1)
                    """,
                    new
                    {
                        household,
                        collective = _collective,
                        org,
                        path = path.Path,
                        region = path.RegionRootId,
                        number = $"H{i}",
                        now,
                    }
                );
            }
            var person = Guid.CreateVersion7();
            _people.Add(person);
            await db.ExecuteAsync(
                """
                INSERT INTO collective_members (id, collective_id, household_id, org_id, org_path, region_root_id,
                    name, gender, birth_date, relation, id_number_cipher, id_number_index, id_number_masked,
                    status, created_at, updated_at, version)
                SELECT @person, @collective, h.id, @org, @path, @region, @name, 'Male', @birth, 'Head', 'x', @index,
                    '410611********0011', 'Active', @now, @now, 1
                FROM collective_households h WHERE h.collective_id = @collective AND h.number = @number
                """,
                new
                {
                    person,
                    collective = _collective,
                    org,
                    path = path.Path,
                    region = path.RegionRootId,
                    name = $"成员{i}",
                    birth = new DateOnly(i < 2 ? 1950 : 1990, 1, 1),
                    index = person.ToString("N"),
                    number = $"H{Math.Min(i, 2)}",
                    now,
                }
            );
            foreach (var (type, quantity) in new[] { (_population, 1L), (_labour, (long)i) })
            {
                await db.ExecuteAsync(
                    """
                    INSERT INTO collective_share_change_lines (change_id, line_no, collective_id, member_id,
                        share_type_id, effective_on, delta)
                    VALUES (@change, @line, @collective, @person, @type, @on, @quantity)
                    """,
                    new
                    {
                        change,
                        line = ++line,
                        collective = _collective,
                        person,
                        type,
                        on = new DateOnly(i == 4 ? 2026 : 2020, i == 4 ? 6 : 1, 1),
                        quantity,
                    }
                );
            }
        }
    }

    [OneTimeTearDown]
    public void SignOut()
    {
        _accountant?.Dispose();
        _reviewer?.Dispose();
    }

    private sealed record OrgRow
    {
        public string Path { get; init; } = "";
        public Guid RegionRootId { get; init; }
    }

    private object Terms(decimal pool = 1000.01m) =>
        new
        {
            collectiveId = _collective,
            year = 2025,
            title = "2025年度收益分配方案",
            cutOffOn = "2025-12-31",
            parts = new object[]
            {
                new
                {
                    kind = "Dividend",
                    label = "分红",
                    method = "ByShares",
                    payeeUnit = "Person",
                    pool,
                    weights = new Dictionary<Guid, decimal> { [_population] = 1m, [_labour] = 0.5m },
                },
                new
                {
                    kind = "Pension",
                    label = "养老金",
                    method = "PerPerson",
                    payeeUnit = "Person",
                    amount = 400m,
                    minAge = 60,
                },
            },
        };

    [Test]
    public async Task A_preview_pays_the_pool_exactly_from_the_register_on_the_cut_off_date()
    {
        var preview = await Json.Read(
            await _accountant.PostAsJsonAsync("/api/v1/dividends/plans/preview", Terms()),
            HttpStatusCode.OK
        );

        var parts = preview.GetProperty("parts");
        var lines = preview.GetProperty("lines").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(parts[0].GetProperty("sum").GetDecimal(), Is.EqualTo(1000.01m));
            Assert.That(
                parts[0].GetProperty("payees").GetInt32(),
                Is.EqualTo(4),
                "the fifth had no shares on 2025-12-31"
            );
            Assert.That(parts[1].GetProperty("sum").GetDecimal(), Is.EqualTo(800m), "two people aged 60 or more");
            Assert.That(preview.GetProperty("total").GetDecimal(), Is.EqualTo(1800.01m));
            Assert.That(lines.Sum(l => l.GetProperty("amount").GetDecimal()), Is.EqualTo(1800.01m));
            Assert.That(lines.All(l => l.GetProperty("remainder").GetDecimal() is 0m or 0.01m), Is.True);
        });
    }

    [Test]
    public async Task A_plan_goes_from_its_steps_through_notice_and_approval_to_a_confirmed_payout()
    {
        var plan = await Json.Read(
            await Send(_accountant, "/api/v1/dividends/plans", Terms(), null),
            HttpStatusCode.Created
        );
        var id = plan.Id();
        var url = $"/api/v1/dividends/plans/{id}";

        var outOfOrder = await Step(
            _accountant,
            id,
            "steps",
            new
            {
                step = "committeesDeliberation",
                occurredOn = "2026-01-05",
                documentRef = "会议记录1",
            }
        );
        Assert.That(await Code(outOfOrder), Is.EqualTo("plan_step_out_of_order"));

        foreach (var step in new[] { "branchProposal", "committeesDeliberation", "partyMembersReview" })
        {
            await Json.Read(
                await Step(
                    _accountant,
                    id,
                    "steps",
                    new
                    {
                        step,
                        occurredOn = "2026-01-05",
                        documentRef = "记录",
                    }
                ),
                HttpStatusCode.OK
            );
        }
        var noVote = await Step(
            _accountant,
            id,
            "steps",
            new
            {
                step = "assemblyResolution",
                occurredOn = "2026-01-06",
                documentRef = "决议",
            }
        );
        Assert.That(await Code(noVote), Is.EqualTo("plan_vote_required"));
        var notQuorate = await Step(_accountant, id, "steps", Resolution(30, 19, 19));
        Assert.That(await Code(notQuorate), Is.EqualTo("plan_not_quorate"));
        var notCarried = await Step(_accountant, id, "steps", Resolution(30, 20, 10));
        Assert.That(await Code(notCarried), Is.EqualTo("plan_not_carried"));
        var resolved = await Json.Read(await Step(_accountant, id, "steps", Resolution(30, 20, 11)), HttpStatusCode.OK);
        Assert.That(resolved.Str("stage"), Is.EqualTo("Review"));

        var accountantReview = await Step(
            _accountant,
            id,
            "review",
            new { reviewedOn = "2026-01-10", documentRef = "审核意见" }
        );
        Assert.That(accountantReview.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        await Json.Read(
            await Step(_reviewer, id, "review", new { reviewedOn = "2026-01-10", documentRef = "审核意见" }),
            HttpStatusCode.OK
        );

        var today = Clock.GetUtcNow().UtcDateTime.Date;
        var noticed = await Json.Read(
            await Step(
                _accountant,
                id,
                "notice",
                new { startsOn = today.AddDays(-7).ToString("yyyy-MM-dd"), documentRef = "公示栏" }
            ),
            HttpStatusCode.OK
        );
        Assert.That(
            noticed.Str("noticeEndsOn"),
            Is.EqualTo(today.AddDays(-1).ToString("yyyy-MM-dd")),
            "seven calendar days"
        );
        var code = noticed.Str("checkCode");

        var objection = await Json.Read(
            await Send(
                _accountant,
                url + "/objections",
                new
                {
                    receivedOn = today.ToString("yyyy-MM-dd"),
                    raisedBy = "崔新贵",
                    content = "劳龄股计算有误",
                },
                null
            ),
            HttpStatusCode.Created
        );
        var approveBody = new { approvedOn = today.ToString("yyyy-MM-dd"), documentRef = "批复" };
        Assert.That(await Code(await Step(_reviewer, id, "approve", approveBody)), Is.EqualTo("plan_objections_open"));
        var closeEarly = await Send(_accountant, $"/api/v1/dividends/objections/{objection.Id()}/close", null, "\"1\"");
        Assert.That(await Code(closeEarly), Is.EqualTo("objection_not_answered"));
        await Json.Read(
            await Send(
                _accountant,
                $"/api/v1/dividends/objections/{objection.Id()}/answer",
                new { answer = "已复核，计算无误" },
                "\"1\""
            ),
            HttpStatusCode.OK
        );
        await Json.Read(
            await Send(_accountant, $"/api/v1/dividends/objections/{objection.Id()}/close", null, "\"2\""),
            HttpStatusCode.OK
        );

        Assert.That(
            (await Step(_accountant, id, "approve", approveBody)).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden)
        );
        var approved = await Json.Read(await Step(_reviewer, id, "approve", approveBody), HttpStatusCode.OK);
        Assert.That(approved.Str("stage"), Is.EqualTo("Approved"));

        var key = Guid.NewGuid().ToString();
        var first = await Json.Read(await Step(_accountant, id, "payouts", new { }, key), HttpStatusCode.OK);
        var replay = await Json.Read(await Step(_accountant, id, "payouts", new { }, key), HttpStatusCode.OK);
        Assert.That(replay.GetProperty("version").GetInt64(), Is.EqualTo(first.GetProperty("version").GetInt64()));
        Assert.That(await Code(await Step(_accountant, id, "payouts", new { })), Is.EqualTo("plan_payouts_exist"));

        var payouts = await Json.Read(await _accountant.GetAsync(url + "/payouts?pageSize=200"), HttpStatusCode.OK);
        var items = payouts.GetProperty("items").EnumerateArray().ToList();
        Assert.That(items.Sum(p => p.GetProperty("amount").GetDecimal()), Is.EqualTo(1800.01m));
        var payout = items[0];
        var confirm = new
        {
            method = "Signature",
            paidOn = today.ToString("yyyy-MM-dd"),
            reference = "签领表第1页第1行",
        };
        var payoutUrl = $"/api/v1/dividends/payouts/{payout.Id()}/confirm";
        var confirmed = await Json.Read(await Send(_accountant, payoutUrl, confirm, "\"1\""), HttpStatusCode.OK);
        Assert.That(confirmed.Str("status"), Is.EqualTo("Paid"));
        Assert.That(
            await Code(await Send(_accountant, payoutUrl, confirm, "\"2\"")),
            Is.EqualTo("payout_already_confirmed")
        );

        var check = await Json.Read(
            await Anonymous.GetAsync($"/api/v1/public/dividends/notices/{code}"),
            HttpStatusCode.OK
        );
        Assert.That(check.GetProperty("total").GetDecimal(), Is.EqualTo(1800.01m));
        Assert.That(
            (await Anonymous.GetAsync("/api/v1/public/dividends/notices/ABCDEFGHJK")).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound)
        );
    }

    [Test]
    public async Task The_preparer_never_approves_and_a_notice_must_run_its_days()
    {
        // The administrator holds dividends.approve, but prepared this plan.
        var plan = await Json.Read(
            await Send(Client, "/api/v1/dividends/plans", Terms(500m), null),
            HttpStatusCode.Created
        );
        var id = plan.Id();
        foreach (var step in new[] { "branchProposal", "committeesDeliberation", "partyMembersReview" })
        {
            await Json.Read(
                await Step(
                    Client,
                    id,
                    "steps",
                    new
                    {
                        step,
                        occurredOn = "2026-01-05",
                        documentRef = "记录",
                    }
                ),
                HttpStatusCode.OK
            );
        }
        await Json.Read(await Step(Client, id, "steps", Resolution(100, 51, 26, "Members")), HttpStatusCode.OK);
        Assert.That(
            await Code(await Step(Client, id, "review", new { reviewedOn = "2026-01-10", documentRef = "审核" })),
            Is.EqualTo("plan_preparer_cannot_approve")
        );
        await Json.Read(
            await Step(_reviewer, id, "review", new { reviewedOn = "2026-01-10", documentRef = "审核" }),
            HttpStatusCode.OK
        );
        var today = Clock.GetUtcNow().UtcDateTime.Date.ToString("yyyy-MM-dd");
        await Json.Read(
            await Step(Client, id, "notice", new { startsOn = today, documentRef = "公示栏" }),
            HttpStatusCode.OK
        );
        var approveBody = new { approvedOn = today, documentRef = "批复" };

        Assert.That(
            await Code(await Step(Client, id, "approve", approveBody)),
            Is.EqualTo("plan_preparer_cannot_approve")
        );
        Assert.That(await Code(await Step(_reviewer, id, "approve", approveBody)), Is.EqualTo("plan_notice_running"));
        var stale = await Send(_reviewer, $"/api/v1/dividends/plans/{id}/approve", approveBody, "\"1\"");
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
    }

    [Test]
    public async Task Sixty_four_concurrent_confirmations_of_one_payout_confirm_it_once()
    {
        if (Provider != DatabaseProvider.Postgres)
        {
            Assert.Ignore("The race is run on PostgreSQL; SQLite serializes writers.");
        }
        var payout = await ApprovedPayout();
        var today = Clock.GetUtcNow().UtcDateTime.Date.ToString("yyyy-MM-dd");
        var url = $"/api/v1/dividends/payouts/{payout}/confirm";
        var answers = await Task.WhenAll(
            Enumerable
                .Range(0, 64)
                .Select(i =>
                    Send(
                        _accountant,
                        url,
                        new
                        {
                            method = "BankTransfer",
                            paidOn = today,
                            reference = $"BANK-{i}",
                        },
                        "\"1\""
                    )
                )
        );

        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
        Assert.That(answers.All(a => (int)a.StatusCode is 200 or 409 or 412), Is.True);
        var body = await Json.Read(
            await _accountant.GetAsync($"/api/v1/dividends/plans/{_lastPlan}/payouts?status=Paid"),
            HttpStatusCode.OK
        );
        Assert.That(body.GetProperty("total").GetInt64(), Is.EqualTo(1));
    }

    private Guid _lastPlan;

    private async Task<Guid> ApprovedPayout()
    {
        var plan = await Json.Read(
            await Send(_accountant, "/api/v1/dividends/plans", Terms(99.99m), null),
            HttpStatusCode.Created
        );
        var id = plan.Id();
        _lastPlan = id;
        foreach (var step in new[] { "branchProposal", "committeesDeliberation", "partyMembersReview" })
        {
            await Json.Read(
                await Step(
                    _accountant,
                    id,
                    "steps",
                    new
                    {
                        step,
                        occurredOn = "2026-01-05",
                        documentRef = "记录",
                    }
                ),
                HttpStatusCode.OK
            );
        }
        await Json.Read(await Step(_accountant, id, "steps", Resolution(30, 25, 20)), HttpStatusCode.OK);
        await Json.Read(
            await Step(_reviewer, id, "review", new { reviewedOn = "2026-01-10", documentRef = "审核" }),
            HttpStatusCode.OK
        );
        var today = Clock.GetUtcNow().UtcDateTime.Date;
        await Json.Read(
            await Step(
                _accountant,
                id,
                "notice",
                new { startsOn = today.AddDays(-10).ToString("yyyy-MM-dd"), documentRef = "公示栏" }
            ),
            HttpStatusCode.OK
        );
        await Json.Read(
            await Step(
                _reviewer,
                id,
                "approve",
                new { approvedOn = today.ToString("yyyy-MM-dd"), documentRef = "批复" }
            ),
            HttpStatusCode.OK
        );
        await Json.Read(await Step(_accountant, id, "payouts", new { }), HttpStatusCode.OK);
        var payouts = await Json.Read(
            await _accountant.GetAsync($"/api/v1/dividends/plans/{id}/payouts"),
            HttpStatusCode.OK
        );
        return payouts.GetProperty("items")[0].Id();
    }

    private static object Resolution(int entitled, int present, int inFavour, string body = "Representatives") =>
        new
        {
            step = "assemblyResolution",
            occurredOn = "2026-01-06",
            documentRef = "成员代表大会决议",
            vote = new
            {
                body,
                entitled,
                present,
                inFavour,
                against = present - inFavour,
                abstaining = 0,
            },
        };

    private static async Task<HttpResponseMessage> Step(
        HttpClient client,
        Guid id,
        string step,
        object body,
        string? key = null
    )
    {
        var current = await client.GetAsync($"/api/v1/dividends/plans/{id}");
        return await Send(client, $"/api/v1/dividends/plans/{id}/{step}", body, current.Headers.ETag?.Tag, key);
    }

    private static Task<HttpResponseMessage> Send(
        HttpClient client,
        string url,
        object? body,
        string? ifMatch,
        string? key = null
    )
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = body is null ? null : JsonContent.Create(body, options: Json.Options),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }
        return client.SendAsync(request);
    }

    private static async Task<string?> Code(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(409), text);
        return JsonDocument.Parse(text).RootElement.GetProperty("code").GetString();
    }
}
