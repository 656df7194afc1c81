using System.Data.Common;
using System.Net;
using System.Text;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Jiceng.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Jiceng.Tests.Assistance;

/// <summary>
/// The care fund: its append-only ledger (Σ entries = balance after every test), allocations down the tree, the
/// overdraft refused under 64 parallel payments, and applications through review, tiered approval, payment and
/// confirmation with separation of duties, bands, tiers and the yearly cap at their boundaries. Today is 2026-06-15.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class CareFundTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Password = "Care-Fund-Password-1";
    private Guid _region;
    private Guid _branch;
    private Guid _cityFund;
    private Guid _branchFund;
    private HttpClient _applicant = null!;
    private HttpClient _preparer = null!;
    private HttpClient _street = null!;
    private HttpClient _district = null!;
    private HttpClient _payer = null!;
    private HttpClient _both = null!;

    [OneTimeSetUp]
    public async Task CreateFundsAndPeople()
    {
        _region = (await CreateOrganization(Unique("鸡西市委"), kind: "Committee", field: "Government")).Id();
        _branch = (await CreateOrganization(Unique("帮扶党支部"), _region, field: "UrbanCommunity")).Id();
        _cityFund = (
            await Json.Read(
                await Post("/api/v1/assistance/funds", new { organizationId = _region, name = "市帮扶资金" }),
                HttpStatusCode.Created
            )
        ).Id();
        await Json.Read(
            await Post(
                $"/api/v1/assistance/funds/{_cityFund}/income",
                new
                {
                    source = "DuesShare",
                    amount = 100000m,
                    purpose = "市管党费列支启动资金",
                    occurredOn = "2026-01-05",
                }
            ),
            HttpStatusCode.Created
        );
        _branchFund = (
            await Json.Read(
                await Post("/api/v1/assistance/funds", new { organizationId = _branch, name = "支部帮扶资金" }),
                HttpStatusCode.Created
            )
        ).Id();
        // Members of the branch are paid from the branch's fund.
        await Json.Read(
            await Post(
                $"/api/v1/assistance/funds/{_cityFund}/allocations",
                new
                {
                    toFundId = _branchFund,
                    amount = 50000m,
                    occurredOn = "2026-01-10",
                }
            ),
            HttpStatusCode.Created
        );
        _applicant = await User("FundManager");
        _preparer = await User("FundManager");
        _street = await User("FundApprover");
        _district = await User("FundApprover");
        _payer = await User("FundManager");
        _both = await User("FundManager", "FundApprover");
    }

    private async Task<HttpClient> User(params string[] roles)
    {
        var username = Unique("fund");
        await Json.Read(
            await Post("/api/v1/users", new NewUser(username, "经办" + username[^4..], Password, roles)),
            HttpStatusCode.Created
        );
        return await SignedInClient(username, Password);
    }

    [TearDown]
    public async Task The_ledger_sums_to_every_balance()
    {
        await AssertLedgerReplays();
        await YearlyCapInvariant.AssertCountsReplayAsync(Factory.Services);
    }

    private async Task AssertLedgerReplays()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var funds = await db.QueryAsync<(Guid Id, long Balance, long Held)>(
            "SELECT id, balance, held FROM assistance_funds"
        );
        foreach (var fund in funds)
        {
            var sum = await db.ExecuteScalarAsync<long>(
                "SELECT COALESCE(SUM(amount), 0) FROM assistance_ledger_entries WHERE fund_id = @id",
                new { id = fund.Id }
            );
            var held = await db.ExecuteScalarAsync<long>(
                "SELECT COALESCE(SUM(amount), 0) FROM assistance_fund_holds WHERE fund_id = @id AND status = 'Active'",
                new { id = fund.Id }
            );
            Assert.Multiple(() =>
            {
                Assert.That(fund.Balance, Is.EqualTo(sum), $"fund {fund.Id}: balance = Σ ledger");
                Assert.That(fund.Held, Is.EqualTo(held), $"fund {fund.Id}: held = Σ active holds");
                Assert.That(fund.Balance, Is.GreaterThanOrEqualTo(fund.Held));
            });
        }
    }

    private static async Task<HttpResponseMessage> Send(
        HttpClient client,
        string url,
        object body,
        string? ifMatch = null,
        string? key = null
    )
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(
                JsonSerializer.Serialize(body, Json.Options),
                Encoding.UTF8,
                "application/json"
            ),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        return await client.SendAsync(request);
    }

    private static string Tag(JsonElement application) => $"\"{application.GetProperty("version").GetInt64()}\"";

    private async Task<Guid> Member(string name = "困难党员") =>
        await RegisterMember(NewMember.Full(_branch, Unique(name)[..8]));

    private async Task<JsonElement> Submit(Guid member, decimal amount, string category = "Illness") =>
        await Json.Read(
            await Send(
                _applicant,
                "/api/v1/assistance/applications",
                new
                {
                    memberId = member,
                    category,
                    amount,
                    reason = "住院治疗，自付费用较高",
                    otherAid = "民政临时救助 500 元",
                    otherAidAmount = 500m,
                }
            ),
            HttpStatusCode.Created
        );

    private static async Task<JsonElement> Review(HttpClient who, JsonElement application) =>
        await Json.Read(
            await Send(
                who,
                $"/api/v1/assistance/applications/{application.Id()}/review",
                new
                {
                    reviewedOn = "2026-05-30",
                    passed = true,
                    noticeFrom = "2026-06-01",
                    noticeTo = "2026-06-05",
                },
                Tag(application)
            ),
            HttpStatusCode.OK
        );

    private static async Task<HttpResponseMessage> Approve(HttpClient who, JsonElement application) =>
        await Send(who, $"/api/v1/assistance/applications/{application.Id()}/approval", new { }, Tag(application));

    private static async Task<HttpResponseMessage> Disburse(HttpClient who, JsonElement application, string key) =>
        await Send(
            who,
            $"/api/v1/assistance/applications/{application.Id()}/disbursement",
            new
            {
                paidOn = "2026-06-15",
                method = "BankTransfer",
                reference = "ICBC-" + key[..8],
            },
            Tag(application),
            key
        );

    /// <summary>Submitted, reviewed and approved at the street (and the district when the amount needs it).</summary>
    private async Task<JsonElement> Approved(Guid member, decimal amount)
    {
        var application = await Review(_preparer, await Submit(member, amount));
        application = await Json.Read(await Approve(_street, application), HttpStatusCode.OK);
        if (application.Str("status") == "StreetApproved")
        {
            application = await Json.Read(await Approve(_district, application), HttpStatusCode.OK);
        }
        Assert.That(application.Str("status"), Is.EqualTo("Approved"));
        return application;
    }

    private async Task<JsonElement> Fund(Guid id) =>
        (await Json.Read(await Get($"/api/v1/assistance/funds/{id}"), HttpStatusCode.OK)).GetProperty("fund");

    [Test]
    public async Task An_allocation_is_a_double_entry_each_side_naming_the_other()
    {
        var before = await Fund(_branchFund);
        Assert.That(before.GetProperty("parentFundId").GetGuid(), Is.EqualTo(_cityFund));
        var allocation = await Json.Read(
            await Post(
                $"/api/v1/assistance/funds/{_cityFund}/allocations",
                new
                {
                    toFundId = _branchFund,
                    amount = 2000m,
                    purpose = "春节走访慰问",
                    occurredOn = "2026-06-01",
                }
            ),
            HttpStatusCode.Created
        );
        var entries = await Json.Read(
            await Get($"/api/v1/assistance/funds/{_branchFund}/entries?kind=AllocationIn"),
            HttpStatusCode.OK
        );
        var received = entries
            .GetProperty("items")
            .EnumerateArray()
            .First(e => e.Id() == allocation.GetProperty("inEntryId").GetGuid());
        var me = await Json.Read(await Get("/api/v1/auth/me"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            // Who recorded it is the name people know them by, not the sign-in name.
            Assert.That(received.Str("recordedByName"), Is.EqualTo(me.Str("displayName")));
            Assert.That(received.Str("recordedByName"), Is.Not.EqualTo(me.Str("username")));
            Assert.That(received.GetProperty("amount").GetDecimal(), Is.EqualTo(2000m));
            Assert.That(received.Str("source"), Is.EqualTo("AllocationFromAbove"));
            Assert.That(
                received.GetProperty("counterEntryId").GetGuid(),
                Is.EqualTo(allocation.GetProperty("outEntryId").GetGuid())
            );
            Assert.That(
                allocation.GetProperty("to").GetProperty("balance").GetDecimal(),
                Is.EqualTo(before.GetProperty("balance").GetDecimal() + 2000m)
            );
        });
        // The fund below cannot allocate upwards, and nobody allocates more than is free.
        await Json.Problem(
            await Post(
                $"/api/v1/assistance/funds/{_branchFund}/allocations",
                new
                {
                    toFundId = _cityFund,
                    amount = 1m,
                    occurredOn = "2026-06-01",
                }
            ),
            HttpStatusCode.Conflict,
            "fund_not_below"
        );
        var tooMuch = await Json.Problem(
            await Post(
                $"/api/v1/assistance/funds/{_cityFund}/allocations",
                new
                {
                    toFundId = _branchFund,
                    amount = 10000000m,
                    occurredOn = "2026-06-01",
                }
            ),
            HttpStatusCode.Conflict,
            "fund_insufficient"
        );
        Assert.That(tooMuch.GetProperty("requested").GetDecimal(), Is.EqualTo(10000000m));
    }

    [Test]
    public async Task A_reversal_names_its_entry_and_an_entry_is_reversed_once()
    {
        var posted = await Json.Read(
            await Post(
                $"/api/v1/assistance/funds/{_cityFund}/income",
                new
                {
                    source = "Donation",
                    amount = 300m,
                    occurredOn = "2026-06-10",
                }
            ),
            HttpStatusCode.Created
        );
        var entryId = posted.GetProperty("entryId").GetGuid();
        var reversal = await Json.Read(
            await Post($"/api/v1/assistance/funds/{_cityFund}/entries/{entryId}/reversal", new { reason = "重复登记" }),
            HttpStatusCode.Created
        );
        Assert.Multiple(() =>
        {
            Assert.That(reversal.GetProperty("reversesEntryId").GetGuid(), Is.EqualTo(entryId));
            Assert.That(reversal.GetProperty("amount").GetDecimal(), Is.EqualTo(-300m));
            Assert.That(reversal.Str("kind"), Is.EqualTo("Reversal"));
        });
        await Json.Problem(
            await Post($"/api/v1/assistance/funds/{_cityFund}/entries/{entryId}/reversal", new { reason = "再次" }),
            HttpStatusCode.Conflict,
            "entry_already_reversed"
        );
    }

    [Test]
    public async Task The_database_refuses_to_change_or_remove_a_ledger_entry()
    {
        await using DbConnection connection =
            Provider == DatabaseProvider.Sqlite
                ? new SqliteConnection(Database.ConnectionString)
                : new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        foreach (
            var sql in new[]
            {
                "UPDATE assistance_ledger_entries SET amount = amount + 1",
                "DELETE FROM assistance_ledger_entries",
                "UPDATE assistance_funds SET balance = -1",
            }
        )
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            Assert.That(async () => await command.ExecuteNonQueryAsync(), Throws.InstanceOf<DbException>(), sql);
        }
    }

    [Test]
    public async Task Sixty_four_parallel_payments_pay_exactly_what_the_fund_holds()
    {
        var fund = (
            await Json.Read(
                await Post(
                    "/api/v1/assistance/funds",
                    new
                    {
                        organizationId = (await CreateOrganization(Unique("并发党支部"), _region)).Id(),
                        name = "并发测试资金",
                    }
                ),
                HttpStatusCode.Created
            )
        ).Id();
        await Json.Read(
            await Post(
                $"/api/v1/assistance/funds/{fund}/income",
                new
                {
                    source = "Interest",
                    amount = 1000m,
                    occurredOn = "2026-06-01",
                }
            ),
            HttpStatusCode.Created
        );
        var member = await Member("并发");
        var outcomes = await Task.WhenAll(
            Enumerable
                .Range(0, 64)
                .Select(async _ =>
                {
                    await using var scope = Factory.Services.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<DbSession>();
                    await db.BeginAsync(CancellationToken.None);
                    try
                    {
                        await FundLedger.PayAsync(
                            db,
                            new FundPayment(
                                fund,
                                Money.FromYuan(30m),
                                member,
                                PaymentKind.Visit,
                                Guid.CreateVersion7(),
                                new DateOnly(2026, 6, 15),
                                "慰问金"
                            ),
                            Caller.System,
                            DateTimeOffset.UtcNow,
                            CancellationToken.None
                        );
                        await db.CommitAsync(CancellationToken.None);
                        return true;
                    }
                    catch (BusinessRuleException refused) when (refused.Code == "fund_insufficient")
                    {
                        await db.RollbackAsync();
                        return false;
                    }
                })
        );
        var after = await Fund(fund);
        Assert.Multiple(() =>
        {
            Assert.That(outcomes.Count(o => o), Is.EqualTo(33), "1,000 yuan pays 33 × 30 yuan");
            Assert.That(after.GetProperty("balance").GetDecimal(), Is.EqualTo(10m));
        });
    }

    [Test]
    public async Task An_application_goes_from_submission_through_both_tiers_to_payment_and_confirmation()
    {
        var member = await Member();
        var submitted = await Submit(member, 3000m);
        Assert.That(submitted.Str("tier"), Is.EqualTo("District"));
        var reviewed = await Review(_preparer, submitted);
        var street = await Json.Read(await Approve(_street, reviewed), HttpStatusCode.OK);
        Assert.That(street.Str("status"), Is.EqualTo("StreetApproved"));
        var held = await Fund(_branchFund);
        Assert.That(held.GetProperty("held").GetDecimal(), Is.GreaterThanOrEqualTo(3000m), "the approval holds it");
        // The street's approver cannot approve again for the district.
        await Json.Problem(await Approve(_street, street), HttpStatusCode.Conflict, "duties_not_separated");
        var approved = await Json.Read(await Approve(_district, street), HttpStatusCode.OK);
        Assert.That(approved.Str("status"), Is.EqualTo("Approved"));

        var key = Guid.NewGuid().ToString("N");
        var paid = await Json.Read(await Disburse(_payer, approved, key), HttpStatusCode.OK);
        var replay = await Json.Read(await Disburse(_payer, approved, key), HttpStatusCode.OK);
        Assert.That(replay.GetProperty("entryId").GetGuid(), Is.EqualTo(paid.GetProperty("entryId").GetGuid()));
        await Json.Problem(
            await Disburse(_payer, approved, Guid.NewGuid().ToString("N")),
            HttpStatusCode.PreconditionFailed
        );
        var entries = await Json.Read(
            await Get($"/api/v1/assistance/funds/{_branchFund}/entries?kind=Disbursement&pageSize=200"),
            HttpStatusCode.OK
        );
        var payments = entries
            .GetProperty("items")
            .EnumerateArray()
            .Where(e => e.Str("subjectId") == submitted.Id().ToString())
            .ToList();
        Assert.That(payments, Has.Count.EqualTo(1), "a replay never pays twice");
        Assert.That(payments[0].GetProperty("amount").GetDecimal(), Is.EqualTo(-3000m));

        var confirmed = await Json.Read(
            await Send(
                _payer,
                $"/api/v1/assistance/applications/{submitted.Id()}/confirmation",
                new { confirmedOn = "2026-06-15", note = "本人签字确认" },
                Tag(paid)
            ),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(confirmed.Str("status"), Is.EqualTo("Confirmed"));
            Assert.That(
                confirmed.GetProperty("steps").EnumerateArray().Select(s => s.Str("step")),
                Is.EqualTo(new[] { "Submitted", "Reviewed", "StreetApproved", "DistrictApproved", "Paid", "Confirmed" })
            );
        });
    }

    [Test]
    public async Task Nobody_approves_what_they_applied_for_prepared_or_pays_what_they_approved()
    {
        var member = await Member();
        var own = await Json.Read(
            await Send(
                _both,
                "/api/v1/assistance/applications",
                new
                {
                    memberId = member,
                    category = "Illness",
                    amount = 500m,
                    reason = "住院",
                }
            ),
            HttpStatusCode.Created
        );
        await Json.Problem(
            await Send(
                _both,
                $"/api/v1/assistance/applications/{own.Id()}/review",
                new
                {
                    reviewedOn = "2026-05-30",
                    passed = true,
                    noticeFrom = "2026-06-01",
                    noticeTo = "2026-06-05",
                },
                Tag(own)
            ),
            HttpStatusCode.Conflict,
            "duties_not_separated"
        );
        var reviewed = await Review(_preparer, own);
        var refused = await Json.Problem(
            await Approve(_both, reviewed),
            HttpStatusCode.Conflict,
            "duties_not_separated"
        );
        Assert.That(refused.Str("role"), Is.EqualTo("approver"));
        var approved = await Json.Read(await Approve(_street, reviewed), HttpStatusCode.OK);
        await Json.Problem(
            await Disburse(_preparer, approved, Guid.NewGuid().ToString("N")),
            HttpStatusCode.Conflict,
            "duties_not_separated"
        );
    }

    [Test]
    public async Task Steps_out_of_order_are_refused_and_a_stale_copy_is_412()
    {
        var submitted = await Submit(await Member(), 800m);
        await Json.Problem(await Approve(_street, submitted), HttpStatusCode.Conflict, "wrong_status");
        await Json.Problem(
            await Disburse(_payer, submitted, Guid.NewGuid().ToString("N")),
            HttpStatusCode.Conflict,
            "wrong_status"
        );
        await Json.Problem(
            await Send(
                _preparer,
                $"/api/v1/assistance/applications/{submitted.Id()}/review",
                new
                {
                    reviewedOn = "2026-06-10",
                    passed = true,
                    noticeFrom = "2026-06-10",
                    noticeTo = "2026-06-13",
                },
                Tag(submitted)
            ),
            HttpStatusCode.Conflict,
            "notice_too_short"
        );
        var reviewed = await Json.Read(
            await Send(
                _preparer,
                $"/api/v1/assistance/applications/{submitted.Id()}/review",
                new
                {
                    reviewedOn = "2026-06-12",
                    passed = true,
                    noticeFrom = "2026-06-12",
                    noticeTo = "2026-06-16",
                },
                Tag(submitted)
            ),
            HttpStatusCode.OK
        );
        await Json.Problem(await Approve(_street, reviewed), HttpStatusCode.Conflict, "notice_not_over");
        await Json.Problem(await Approve(_street, submitted), HttpStatusCode.PreconditionFailed);
        // Withdrawn before approval; nothing was held.
        var cancelled = await Json.Read(
            await Send(
                _applicant,
                $"/api/v1/assistance/applications/{submitted.Id()}/cancellation",
                new { reason = "已获其他救助" },
                Tag(reviewed)
            ),
            HttpStatusCode.OK
        );
        Assert.That(cancelled.Str("status"), Is.EqualTo("Cancelled"));
    }

    [Test]
    public async Task Bands_and_tiers_hold_at_their_boundaries()
    {
        var member = await Member();
        var over = await Json.Problem(
            await Send(
                _applicant,
                "/api/v1/assistance/applications",
                new
                {
                    memberId = member,
                    category = "Illness",
                    amount = 5000.01m,
                    reason = "住院",
                }
            ),
            HttpStatusCode.Conflict,
            "amount_outside_band"
        );
        Assert.That(over.GetProperty("max").GetDecimal(), Is.EqualTo(5000m));
        await Json.Problem(
            await Send(
                _applicant,
                "/api/v1/assistance/applications",
                new
                {
                    memberId = member,
                    category = "Illness",
                    amount = 99.99m,
                    reason = "住院",
                }
            ),
            HttpStatusCode.Conflict,
            "amount_outside_band"
        );
        Assert.That((await Submit(member, 2000m)).Str("tier"), Is.EqualTo("Street"));
        var second = await Submit(member, 2000.01m);
        Assert.Multiple(() =>
        {
            Assert.That(second.Str("tier"), Is.EqualTo("District"));
            Assert.That(
                second.TryGetProperty("repeatOfId", out var repeat) && repeat.ValueKind != JsonValueKind.Null,
                "flagged as a repeat"
            );
        });
        await Json.Problem(
            await Send(
                _applicant,
                "/api/v1/assistance/applications",
                new
                {
                    memberId = member,
                    category = "Hardship",
                    amount = 500m,
                    reason = "生活困难",
                }
            ),
            HttpStatusCode.Conflict,
            "not_in_hardship"
        );
        await Json.Problem(
            await Send(
                _applicant,
                "/api/v1/assistance/applications",
                new
                {
                    memberId = member,
                    category = "OldMember",
                    amount = 500m,
                    reason = "高龄",
                }
            ),
            HttpStatusCode.Conflict,
            "not_old_member"
        );
    }

    [Test]
    public async Task The_yearly_cap_counts_every_payment_to_the_person()
    {
        var member = await Member();
        var approved = await Approved(member, 3000m);
        await Json.Read(await Disburse(_payer, approved, Guid.NewGuid().ToString("N")), HttpStatusCode.OK);
        // Visit money paid straight out of the fund counts too.
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            await db.BeginAsync(CancellationToken.None);
            await FundLedger.PayAsync(
                db,
                new FundPayment(
                    _branchFund,
                    Money.FromYuan(1000m),
                    member,
                    PaymentKind.Visit,
                    Guid.CreateVersion7(),
                    new DateOnly(2026, 6, 15),
                    "春节慰问"
                ),
                Caller.System,
                DateTimeOffset.UtcNow,
                CancellationToken.None
            );
            await db.CommitAsync(CancellationToken.None);
        }
        var capped = await Json.Problem(
            await Send(
                _applicant,
                "/api/v1/assistance/applications",
                new
                {
                    memberId = member,
                    category = "Illness",
                    amount = 1000.01m,
                    reason = "复发",
                }
            ),
            HttpStatusCode.Conflict,
            "yearly_cap_exceeded"
        );
        Assert.Multiple(() =>
        {
            Assert.That(capped.GetProperty("remaining").GetDecimal(), Is.EqualTo(1000m));
            Assert.That(capped.GetProperty("paid").GetDecimal(), Is.EqualTo(4000m));
        });
        Assert.That((await Submit(member, 1000m)).Str("status"), Is.EqualTo("Submitted"));
    }

    [Test]
    public async Task A_rejection_releases_what_the_approval_held()
    {
        var reviewed = await Review(_preparer, await Submit(await Member(), 2500m));
        var before = (await Fund(_branchFund)).GetProperty("held").GetDecimal();
        var street = await Json.Read(await Approve(_street, reviewed), HttpStatusCode.OK);
        Assert.That((await Fund(_branchFund)).GetProperty("held").GetDecimal(), Is.EqualTo(before + 2500m));
        var rejected = await Json.Read(
            await Send(
                _district,
                $"/api/v1/assistance/applications/{street.Id()}/rejection",
                new { reason = "材料不全" },
                Tag(street)
            ),
            HttpStatusCode.OK
        );
        Assert.Multiple(async () =>
        {
            Assert.That(rejected.Str("status"), Is.EqualTo("Rejected"));
            Assert.That((await Fund(_branchFund)).GetProperty("held").GetDecimal(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task An_approval_cannot_promise_more_than_the_fund_has_free()
    {
        var poor = (await CreateOrganization(Unique("小额党支部"), _region)).Id();
        var fund = (
            await Json.Read(
                await Post("/api/v1/assistance/funds", new { organizationId = poor, name = "小额资金" }),
                HttpStatusCode.Created
            )
        ).Id();
        await Json.Read(
            await Post(
                $"/api/v1/assistance/funds/{fund}/income",
                new
                {
                    source = "SpecialDues",
                    amount = 600m,
                    occurredOn = "2026-06-01",
                }
            ),
            HttpStatusCode.Created
        );
        var member = await RegisterMember(NewMember.Full(poor, Unique("小额")[..8]));
        var first = await Review(_preparer, await Submit(member, 500m));
        var second = await Review(_preparer, await Submit(member, 200m));
        await Json.Read(await Approve(_street, first), HttpStatusCode.OK);
        var refused = await Json.Problem(await Approve(_street, second), HttpStatusCode.Conflict, "fund_insufficient");
        Assert.That(refused.GetProperty("available").GetDecimal(), Is.EqualTo(100m));
    }

    [Test]
    public async Task Another_regions_fund_manager_sees_none_of_it()
    {
        var other = (await CreateOrganization(Unique("乙市委"), kind: "Committee", field: "Government")).Id();
        var username = Unique("other");
        await Json.Read(
            await Post("/api/v1/users", NewUser.WithRole(username, Password, "FundManager", other)),
            HttpStatusCode.Created
        );
        var outsider = await SignedInClient(username, Password);
        var application = await Submit(await Member(), 300m);
        Assert.Multiple(async () =>
        {
            Assert.That(
                (await outsider.GetAsync($"/api/v1/assistance/funds/{_cityFund}")).StatusCode,
                Is.EqualTo(HttpStatusCode.NotFound)
            );
            Assert.That(
                (await outsider.GetAsync($"/api/v1/assistance/applications/{application.Id()}")).StatusCode,
                Is.EqualTo(HttpStatusCode.NotFound)
            );
            var funds = await Json.Read(await outsider.GetAsync("/api/v1/assistance/funds"), HttpStatusCode.OK);
            Assert.That(funds.GetProperty("total").GetInt64(), Is.Zero);
            var applications = await Json.Read(
                await outsider.GetAsync("/api/v1/assistance/applications"),
                HttpStatusCode.OK
            );
            Assert.That(applications.GetProperty("total").GetInt64(), Is.Zero);
        });
    }

    [Test]
    public async Task The_subtree_statistics_and_the_work_queue_show_the_care_funds_figures()
    {
        var approved = await Approved(await Member(), 400m);
        var stats = await Json.Read(await Get($"/api/v1/organizations/{_region}/stats"), HttpStatusCode.OK);
        var care = stats.GetProperty("contributed").GetProperty("assistance");
        var paidBefore = care.GetProperty("paidThisYear").GetInt64();
        await Json.Read(await Disburse(_payer, approved, Guid.NewGuid().ToString("N")), HttpStatusCode.OK);
        stats = await Json.Read(await Get($"/api/v1/organizations/{_region}/stats"), HttpStatusCode.OK);
        care = stats.GetProperty("contributed").GetProperty("assistance");
        Assert.That(care.GetProperty("paidThisYear").GetInt64(), Is.EqualTo(paidBefore + 1));

        await using var scope = Factory.Services.CreateAsyncScope();
        var queue = scope
            .ServiceProvider.GetServices<Jiceng.Modules.Organizations.Contracts.IWorkQueueContributor>()
            .Single(c => c.Key == "assistance");
        var items = await queue.CountAsync(new(_region, "", "~"), CancellationToken.None);
        Assert.That(items.Single(i => i.Key == "paymentsUnconfirmed").Count, Is.GreaterThanOrEqualTo(1));
    }
}
