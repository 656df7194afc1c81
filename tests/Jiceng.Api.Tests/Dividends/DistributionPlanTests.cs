using System.Net;
using System.Net.Http.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Dividends;

/// A plan from its preview through the 四议 steps, the station's review, the notice with an objection, approval and
/// payouts, with the refusals at each step; on both providers.
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class DistributionPlanTests(DatabaseProvider provider) : PlanFixture(provider)
{
    [Test]
    public async Task A_household_line_carries_the_masked_id_number_of_its_head_who_signs_for_it()
    {
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope
                .ServiceProvider.GetRequiredService<DbSession>()
                .ExecuteAsync(
                    """
                    UPDATE collective_households SET head_member_id = (SELECT m.id FROM collective_members m
                        WHERE m.household_id = collective_households.id AND NOT EXISTS (SELECT 1
                            FROM collective_members o WHERE o.household_id = m.household_id AND o.name < m.name))
                    WHERE collective_id = @collective
                    """,
                    new { collective = CollectiveId }
                );
        }
        var terms = new
        {
            collectiveId = CollectiveId,
            year = 2025,
            title = "按户分配",
            cutOffOn = "2025-12-31",
            parts = new object[]
            {
                new
                {
                    kind = "Dividend",
                    label = "户均分红",
                    method = "PerHousehold",
                    payeeUnit = "Household",
                    amount = 100m,
                },
            },
        };
        var preview = await Json.Read(
            await Accountant.PostAsJsonAsync("/api/v1/dividends/plans/preview", terms),
            HttpStatusCode.OK
        );
        var lines = preview.GetProperty("lines").EnumerateArray().ToList();
        Assert.That(lines, Is.Not.Empty);
        Assert.That(
            lines.Select(l => l.Str("idNumberMasked")),
            Has.All.Match(@"^\d{6}\*+\d{3}[\dX]$"),
            "the head's number, masked"
        );
    }

    [Test]
    public async Task A_preview_pays_the_pool_exactly_from_the_register_on_the_cut_off_date()
    {
        var preview = await Json.Read(
            await Accountant.PostAsJsonAsync("/api/v1/dividends/plans/preview", Terms()),
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
            await Send(Accountant, "/api/v1/dividends/plans", Terms(), null),
            HttpStatusCode.Created
        );
        var id = plan.Id();
        var url = $"/api/v1/dividends/plans/{id}";

        var outOfOrder = await Step(
            Accountant,
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
                    Accountant,
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
            Accountant,
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
        var notQuorate = await Step(Accountant, id, "steps", Resolution(30, 19, 19));
        Assert.That(await Code(notQuorate), Is.EqualTo("plan_not_quorate"));
        var notCarried = await Step(Accountant, id, "steps", Resolution(30, 20, 10));
        Assert.That(await Code(notCarried), Is.EqualTo("plan_not_carried"));
        var resolved = await Json.Read(await Step(Accountant, id, "steps", Resolution(30, 20, 11)), HttpStatusCode.OK);
        Assert.That(resolved.Str("stage"), Is.EqualTo("Review"));

        var accountantReview = await Step(
            Accountant,
            id,
            "review",
            new { reviewedOn = "2026-01-10", documentRef = "审核意见" }
        );
        Assert.That(accountantReview.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        await Json.Read(
            await Step(Reviewer, id, "review", new { reviewedOn = "2026-01-10", documentRef = "审核意见" }),
            HttpStatusCode.OK
        );

        var today = Clock.GetUtcNow().UtcDateTime.Date;
        var noticed = await Json.Read(
            await Step(
                Accountant,
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
                Accountant,
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
        Assert.That(await Code(await Step(Reviewer, id, "approve", approveBody)), Is.EqualTo("plan_objections_open"));
        var closeEarly = await Send(Accountant, $"/api/v1/dividends/objections/{objection.Id()}/close", null, "\"1\"");
        Assert.That(await Code(closeEarly), Is.EqualTo("objection_not_answered"));
        await Json.Read(
            await Send(
                Accountant,
                $"/api/v1/dividends/objections/{objection.Id()}/answer",
                new { answer = "已复核，计算无误" },
                "\"1\""
            ),
            HttpStatusCode.OK
        );
        await Json.Read(
            await Send(Accountant, $"/api/v1/dividends/objections/{objection.Id()}/close", null, "\"2\""),
            HttpStatusCode.OK
        );

        Assert.That(
            (await Step(Accountant, id, "approve", approveBody)).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden)
        );
        var approved = await Json.Read(await Step(Reviewer, id, "approve", approveBody), HttpStatusCode.OK);
        Assert.That(approved.Str("stage"), Is.EqualTo("Approved"));

        var key = Guid.NewGuid().ToString();
        var first = await Json.Read(await Step(Accountant, id, "payouts", new { }, key), HttpStatusCode.OK);
        var replay = await Json.Read(await Step(Accountant, id, "payouts", new { }, key), HttpStatusCode.OK);
        Assert.That(replay.GetProperty("version").GetInt64(), Is.EqualTo(first.GetProperty("version").GetInt64()));
        Assert.That(await Code(await Step(Accountant, id, "payouts", new { })), Is.EqualTo("plan_payouts_exist"));

        var payouts = await Json.Read(await Accountant.GetAsync(url + "/payouts?pageSize=200"), HttpStatusCode.OK);
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
        var confirmed = await Json.Read(await Send(Accountant, payoutUrl, confirm, "\"1\""), HttpStatusCode.OK);
        Assert.That(confirmed.Str("status"), Is.EqualTo("Paid"));
        Assert.That(
            await Code(await Send(Accountant, payoutUrl, confirm, "\"2\"")),
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
            await Step(Reviewer, id, "review", new { reviewedOn = "2026-01-10", documentRef = "审核" }),
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
        Assert.That(await Code(await Step(Reviewer, id, "approve", approveBody)), Is.EqualTo("plan_notice_running"));
        var stale = await Send(Reviewer, $"/api/v1/dividends/plans/{id}/approve", approveBody, "\"1\"");
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
                        Accountant,
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
            await Accountant.GetAsync($"/api/v1/dividends/plans/{_lastPlan}/payouts?status=Paid"),
            HttpStatusCode.OK
        );
        Assert.That(body.GetProperty("total").GetInt64(), Is.EqualTo(1));
    }

    private Guid _lastPlan;

    private async Task<Guid> ApprovedPayout()
    {
        var id = await PlanAt("Approved", payouts: true);
        _lastPlan = id;
        var payouts = await Json.Read(
            await Accountant.GetAsync($"/api/v1/dividends/plans/{id}/payouts"),
            HttpStatusCode.OK
        );
        return payouts.GetProperty("items")[0].Id();
    }
}
