using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Security;

/// <summary>
/// The matrix's samples for Dividends' plans: per side a collective with three households and their shares, and plans
/// prepared by the side's accountant (so the scoped administrator, holding dividends.approve, may review and approve)
/// in the stage each step needs.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    private sealed record PlanSide(
        Guid Collective,
        Guid ShareType,
        IReadOnlyDictionary<string, Guid> ForStep,
        Guid ToAnswer,
        Guid ToClose,
        Guid Payout,
        string CheckCode,
        string Today
    )
    {
        /// <summary>The "ledger" plan's payouts: unpaid (to fail), failed (to re-issue), paid (to reverse).</summary>
        public Guid[] Ledger { get; init; } = [];

        /// <summary>A household with payouts, for its statement and certificate.</summary>
        public Guid Household { get; init; }
    }

    private static readonly ConcurrentDictionary<Guid, PlanSide> PlanSides = new();

    /// <summary>The versions the samples' objections and payouts are at (they have no GET of their own).</summary>
    private static readonly ConcurrentDictionary<Guid, long> DividendVersions = new();

    private const string DividendsUrl = "/api/v1/dividends";

    private static readonly string[] PlanSteps = ["steps", "review", "notice", "approve", "payouts", "revise"];

    /// <summary>The Dividends routes that take If-Match: a plan's steps, an objection's answer and close, a payout's
    /// confirmation.</summary>
    private static bool IsDividendsIfMatch(string url) =>
        url.StartsWith(DividendsUrl + "/", StringComparison.Ordinal)
        && (
            (
                url.StartsWith(DividendsUrl + "/plans/", StringComparison.Ordinal)
                && PlanSteps.Any(step => url.EndsWith("/" + step, StringComparison.Ordinal))
            )
            || url.EndsWith("/answer", StringComparison.Ordinal)
            || url.EndsWith("/close", StringComparison.Ordinal)
            || url.EndsWith("/confirm", StringComparison.Ordinal)
            || url.EndsWith("/fail", StringComparison.Ordinal)
            || url.EndsWith("/reissue", StringComparison.Ordinal)
            || url.EndsWith("/reverse", StringComparison.Ordinal)
        );

    /// <summary>The public 公示 check needs no sign-in: anonymous callers get the answer.</summary>
    /// <summary>The current ETag of a Dividends If-Match route's object.</summary>
    private static async Task<string> DividendsETag(HttpClient caller, string url)
    {
        var target = url[..url.LastIndexOf('/')];
        var id = Guid.Parse(target[(target.LastIndexOf('/') + 1)..]);
        if (target.StartsWith(DividendsUrl + "/plans/", StringComparison.Ordinal))
        {
            return (await caller.GetAsync(target)).Headers.ETag?.Tag ?? "\"1\"";
        }
        return $"\"{DividendVersions.GetValueOrDefault(id, 1)}\"";
    }

    private static object PlanTerms(PlanSide side) =>
        new
        {
            collectiveId = side.Collective,
            year = 2025,
            title = "矩阵收益分配方案",
            cutOffOn = "2025-12-31",
            parts = new object[]
            {
                new
                {
                    kind = "Dividend",
                    label = "分红",
                    method = "ByShares",
                    payeeUnit = "Person",
                    pool = 300m,
                    weights = new Dictionary<Guid, decimal> { [side.ShareType] = 1m },
                },
            },
        };

    /// <summary>Added once, from the set-up: a class has one static constructor (the Volunteering part's), and a
    /// static field initializer here could run before the main part's Samples exist.</summary>
    private static readonly Lazy<bool> DividendSamples = new(AddDividendSamples);

    private static bool AddDividendSamples()
    {
        string Plan(Side s, string step) => $"{DividendsUrl}/plans/{PlanSides[s.Root].ForStep[step]}";
        string Today(Side s) => PlanSides[s.Root].Today;
        Samples["PreviewDistributionPlan"] = s => ($"{DividendsUrl}/plans/preview", PlanTerms(PlanSides[s.Root]));
        Samples["CreateDistributionPlan"] = s => ($"{DividendsUrl}/plans", PlanTerms(PlanSides[s.Root]));
        Samples["GetDistributionPlan"] = s => (Plan(s, "steps"), null);
        Samples["RecordDistributionPlanStep"] = s =>
            (
                Plan(s, "steps") + "/steps",
                new
                {
                    step = "branchProposal",
                    occurredOn = "2026-01-05",
                    documentRef = "矩阵记录",
                }
            );
        Samples["ReviewDistributionPlan"] = s =>
            (Plan(s, "review") + "/review", new { reviewedOn = "2026-01-10", documentRef = "矩阵审核" });
        Samples["StartDistributionPlanNotice"] = s =>
            (Plan(s, "notice") + "/notice", new { startsOn = Today(s), documentRef = "矩阵公示栏" });
        Samples["ApproveDistributionPlan"] = s =>
            (Plan(s, "approve") + "/approve", new { approvedOn = Today(s), documentRef = "矩阵批复" });
        Samples["CreateDistributionPayouts"] = s => (Plan(s, "payouts") + "/payouts", new { });
        Samples["RecordPlanObjection"] = s =>
            (
                Plan(s, "objections") + "/objections",
                new
                {
                    receivedOn = Today(s),
                    raisedBy = "矩阵群众",
                    content = "矩阵异议",
                }
            );
        Samples["ListPlanObjections"] = s => (Plan(s, "objections") + "/objections", null);
        Samples["AnswerPlanObjection"] = s =>
            ($"{DividendsUrl}/objections/{PlanSides[s.Root].ToAnswer}/answer", new { answer = "已复核" });
        Samples["ClosePlanObjection"] = s => ($"{DividendsUrl}/objections/{PlanSides[s.Root].ToClose}/close", null);
        Samples["ListDistributionPayouts"] = s => (Plan(s, "confirm") + "/payouts", null);
        Samples["ExportDistributionPayouts"] = s => (Plan(s, "confirm") + "/payouts/export?format=Csv", null);
        Samples["ConfirmDistributionPayout"] = s =>
            (
                $"{DividendsUrl}/payouts/{PlanSides[s.Root].Payout}/confirm",
                new
                {
                    method = "Signature",
                    paidOn = Today(s),
                    reference = "矩阵签领表",
                }
            );
        Samples["ListDistributionPlans"] = s =>
            ($"{DividendsUrl}/plans?collectiveId={PlanSides[s.Root].Collective}", null);
        Samples["ExportDistributionPlans"] = s => ($"{DividendsUrl}/plans/export?format=Csv", null);
        Samples["ReviseDistributionPlan"] = s =>
            (
                Plan(s, "revise") + "/revise",
                new
                {
                    terms = PlanTerms(PlanSides[s.Root]),
                    reason = "矩阵复议",
                    documentRef = "矩阵决议",
                }
            );
        Samples["ListDistributionPlanVersions"] = s => (Plan(s, "confirm") + "/versions", null);
        Samples["ListDistributionPlanLines"] = s => (Plan(s, "confirm") + "/lines", null);
        Samples["ExportDistributionPlanLines"] = s => (Plan(s, "confirm") + "/lines/export?format=Csv", null);
        Samples["MarkDistributionPayoutFailed"] = s =>
            ($"{DividendsUrl}/payouts/{PlanSides[s.Root].Ledger[0]}/fail", new { reason = "矩阵账户已销户" });
        Samples["ReissueDistributionPayout"] = s =>
            ($"{DividendsUrl}/payouts/{PlanSides[s.Root].Ledger[1]}/reissue", new { note = "矩阵改发" });
        Samples["ReverseDistributionPayout"] = s =>
            (
                $"{DividendsUrl}/payouts/{PlanSides[s.Root].Ledger[2]}/reverse",
                new { reversedOn = Today(s), reason = "矩阵冲正" }
            );
        Samples["ExportDistributionBankBatch"] = s =>
            (Plan(s, "ledger") + "/payouts/bank-file", new { reason = "矩阵银行代发", format = "Csv" });
        Samples["ImportDistributionBankResult"] = s =>
            (
                Plan(s, "ledger") + "/payouts/bank-result",
                new SpreadsheetUpload($"付款编号,处理结果\n{Guid.NewGuid()},成功\n")
            );
        Samples["GetHouseholdDividendStatement"] = s =>
            ($"{DividendsUrl}/households/{PlanSides[s.Root].Household}/statement", null);
        Samples["ExportHouseholdDividendStatement"] = s =>
            ($"{DividendsUrl}/households/{PlanSides[s.Root].Household}/statement/export?format=Csv", null);
        Samples["GetShareCertificate"] = s =>
            ($"{DividendsUrl}/households/{PlanSides[s.Root].Household}/certificate", null);
        Samples["GetDistributionNoticeSheet"] = s => (Plan(s, "confirm") + "/notice-sheet", null);
        Samples["GetDistributionSignSheet"] = s => (Plan(s, "confirm") + "/sign-sheet", null);
        Samples["GetDividendStatistics"] = s => ($"{DividendsUrl}/statistics?organizationId={s.Root}", null);
        Samples["ExportDividendStatistics"] = s =>
            ($"{DividendsUrl}/statistics/export?organizationId={s.Root}&format=Csv", null);
        Samples["ExportPlanObjections"] = s => (Plan(s, "objections") + "/objections/export?format=Csv", null);
        Samples["ExportIncomeStatements"] = s =>
            ($"{DividendsUrl}/collectives/{PlanSides[s.Root].Collective}/incomes/export?format=Csv", null);
        Samples["ExportShareChanges"] = s =>
            ($"{DividendsUrl}/collectives/{PlanSides[s.Root].Collective}/share-changes/export?format=Csv", null);
        Samples["CheckDistributionNotice"] = s =>
            ($"/api/v1/public/dividends/notices/{PlanSides[s.Root].CheckCode}", null);
        return true;
    }

    /// <summary>Each side's collective and plans, prepared by the side's accountant and reviewed and approved by the
    /// administrator, each taken to the stage its step starts from.</summary>
    private async Task BuildPlanSides()
    {
        _ = DividendSamples.Value;
        var today = Clock.GetUtcNow().UtcDateTime.Date;
        foreach (var (side, name) in new[] { (_a, "a"), (_b, "b") })
        {
            var (collective, shareType) = await SeedCollective(side.Branch);
            var preparerName = Unique("acct-" + name);
            await Json.Read(
                await Post(
                    "/api/v1/users",
                    NewUser.WithRole(preparerName, ScopedPassword, "CollectiveAccountant", side.Root)
                ),
                HttpStatusCode.Created
            );
            using var preparer = await SignedInClient(preparerName, ScopedPassword);
            var terms = new PlanSide(
                collective,
                shareType,
                new Dictionary<string, Guid>(),
                default,
                default,
                default,
                "",
                ""
            );
            var deliberation = new[] { "branchProposal", "committeesDeliberation", "partyMembersReview" };
            async Task<JsonElement> Step(HttpClient caller, Guid plan, string step, object body)
            {
                var current = await caller.GetAsync($"{DividendsUrl}/plans/{plan}");
                return await Json.Read(
                    await Send(caller, "POST", $"{DividendsUrl}/plans/{plan}/{step}", body, current.Headers.ETag?.Tag),
                    HttpStatusCode.OK
                );
            }
            // What each sample's plan has been through: steps recorded, reviewed, notice from how many days ago,
            // approved, payouts made.
            var ready = new Dictionary<string, (int Steps, bool Review, int? NoticeDaysAgo, bool Approve, bool Pay)>
            {
                ["steps"] = (0, false, null, false, false),
                ["review"] = (4, false, null, false, false),
                ["notice"] = (4, true, null, false, false),
                ["approve"] = (4, true, 10, false, false),
                ["payouts"] = (4, true, 10, true, false),
                ["confirm"] = (4, true, 10, true, true),
                ["objections"] = (4, true, 0, false, false),
                ["revise"] = (4, true, null, false, false),
                ["ledger"] = (4, true, 10, true, true),
            };
            var forStep = new Dictionary<string, Guid>();
            var checkCode = "";
            foreach (var (step, (steps, review, noticeDaysAgo, approve, pay)) in ready)
            {
                var plan = (
                    await Json.Read(
                        await preparer.PostAsJsonAsync($"{DividendsUrl}/plans", PlanTerms(terms), Json.Options),
                        HttpStatusCode.Created
                    )
                ).Id();
                for (var i = 0; i < steps; i++)
                {
                    object body =
                        i < 3
                            ? new
                            {
                                step = deliberation[i],
                                occurredOn = "2026-01-05",
                                documentRef = "记录",
                            }
                            : new
                            {
                                step = "assemblyResolution",
                                occurredOn = "2026-01-06",
                                documentRef = "成员代表大会决议",
                                vote = new
                                {
                                    body = "Representatives",
                                    entitled = 30,
                                    present = 25,
                                    inFavour = 20,
                                    against = 5,
                                    abstaining = 0,
                                },
                            };
                    await Step(preparer, plan, "steps", body);
                }
                if (review)
                {
                    await Step(Client, plan, "review", new { reviewedOn = "2026-01-10", documentRef = "审核" });
                }
                if (noticeDaysAgo is { } daysAgo)
                {
                    var noticed = await Step(
                        preparer,
                        plan,
                        "notice",
                        new { startsOn = today.AddDays(-daysAgo).ToString("yyyy-MM-dd"), documentRef = "公示栏" }
                    );
                    checkCode = noticed.Str("checkCode");
                }
                if (approve)
                {
                    await Step(
                        Client,
                        plan,
                        "approve",
                        new { approvedOn = today.ToString("yyyy-MM-dd"), documentRef = "批复" }
                    );
                }
                if (pay)
                {
                    await Step(preparer, plan, "payouts", new { });
                }
                forStep[step] = plan;
            }
            var objectionsUrl = $"{DividendsUrl}/plans/{forStep["objections"]}/objections";
            async Task<Guid> Objection() =>
                (
                    await Json.Read(
                        await preparer.PostAsJsonAsync(
                            objectionsUrl,
                            new
                            {
                                receivedOn = today.ToString("yyyy-MM-dd"),
                                raisedBy = "矩阵群众",
                                content = "份额有误",
                            },
                            Json.Options
                        ),
                        HttpStatusCode.Created
                    )
                ).Id();
            var toAnswer = await Objection();
            var toClose = await Objection();
            await Json.Read(
                await Send(
                    preparer,
                    "POST",
                    $"{DividendsUrl}/objections/{toClose}/answer",
                    new { answer = "已答复" },
                    "\"1\""
                ),
                HttpStatusCode.OK
            );
            DividendVersions[toClose] = 2;
            var payouts = await Json.Read(
                await preparer.GetAsync($"{DividendsUrl}/plans/{forStep["confirm"]}/payouts"),
                HttpStatusCode.OK
            );
            var ledgerItems = (
                await Json.Read(
                    await preparer.GetAsync($"{DividendsUrl}/plans/{forStep["ledger"]}/payouts"),
                    HttpStatusCode.OK
                )
            )
                .GetProperty("items")
                .EnumerateArray()
                .ToList();
            var ledger = ledgerItems.Select(p => p.Id()).ToArray();
            await Json.Read(
                await Send(
                    preparer,
                    "POST",
                    $"{DividendsUrl}/payouts/{ledger[1]}/fail",
                    new { reason = "销户" },
                    "\"1\""
                ),
                HttpStatusCode.OK
            );
            await Json.Read(
                await Send(
                    preparer,
                    "POST",
                    $"{DividendsUrl}/payouts/{ledger[2]}/confirm",
                    new
                    {
                        method = "Signature",
                        paidOn = today.ToString("yyyy-MM-dd"),
                        reference = "签领表",
                    },
                    "\"1\""
                ),
                HttpStatusCode.OK
            );
            DividendVersions[ledger[1]] = 2;
            DividendVersions[ledger[2]] = 2;
            PlanSides[side.Root] = terms with
            {
                Ledger = ledger,
                Household = ledgerItems[0].GetProperty("householdId").GetGuid(),
                ForStep = forStep,
                ToAnswer = toAnswer,
                ToClose = toClose,
                Payout = payouts.GetProperty("items")[0].Id(),
                CheckCode = checkCode,
                Today = today.ToString("yyyy-MM-dd"),
            };
        }
    }

    private sealed record PlanOrgRow
    {
        public string Path { get; init; } = "";
        public Guid RegionRootId { get; init; }
    }

    /// <summary>A collective under the organization with three households of one person each and one share apiece
    /// (the register has no write API yet, so by SQL as DistributionPlanTests does).</summary>
    private async Task<(Guid Collective, Guid ShareType)> SeedCollective(Guid org)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var row = (
            await db.QuerySingleOrDefaultAsync<PlanOrgRow>(
                "SELECT path, region_root_id FROM organizations WHERE id = @org",
                new { org }
            )
        )!;
        var collective = Guid.CreateVersion7();
        var shareType = Guid.CreateVersion7();
        var change = Guid.CreateVersion7();
        var now = Clock.GetUtcNow();
        var common = new
        {
            collective,
            org,
            path = row.Path,
            region = row.RegionRootId,
            now,
        };
        await db.ExecuteAsync(
            """
            INSERT INTO collectives (id, org_id, org_path, region_root_id, name, kind, credit_code,
                land_transferred_centimu, share_management, created_at, updated_at, version)
            VALUES (@collective, @org, @path, @region, '矩阵股份经济合作社', 'StockCooperative', @code, 0, 'Static',
                @now, @now, 1)
            """,
            new
            {
                common.collective,
                common.org,
                common.path,
                common.region,
                common.now,
                code = Guid.NewGuid().ToString("N")[..18].ToUpperInvariant(),
            }
        );
        await db.ExecuteAsync(
            """
            INSERT INTO collective_share_types (id, collective_id, name, kind, weight_ten_thousandths, sort_order,
                created_at, updated_at, version)
            VALUES (@shareType, @collective, '人口股', 'Population', 10000, 1, @now, @now, 1)
            """,
            new
            {
                shareType,
                collective,
                now,
            }
        );
        await db.ExecuteAsync(
            """
            INSERT INTO collective_share_changes (id, collective_id, org_path, region_root_id, kind, effective_on,
                recorded_by, recorded_at)
            VALUES (@change, @collective, @path, @region, 'Initial', '2020-01-01', 'matrix', @now)
            """,
            new
            {
                change,
                common.collective,
                common.path,
                common.region,
                common.now,
            }
        );
        for (var i = 0; i < 3; i++)
        {
            var household = Guid.CreateVersion7();
            var person = Guid.CreateVersion7();
            await db.ExecuteAsync(
                """
                INSERT INTO collective_households (id, collective_id, org_id, org_path, region_root_id, number,
                    created_on, created_at, updated_at, version)
                VALUES (@household, @collective, @org, @path, @region, @number, '2020-01-01', @now, @now, 1)
                """,
                new
                {
                    household,
                    common.collective,
                    common.org,
                    common.path,
                    common.region,
                    common.now,
                    number = $"H{i}",
                }
            );
            await db.ExecuteAsync(
                """
                INSERT INTO collective_members (id, collective_id, household_id, org_id, org_path, region_root_id,
                    name, gender, birth_date, relation, id_number_cipher, id_number_index, id_number_masked,
                    status, created_at, updated_at, version)
                VALUES (@person, @collective, @household, @org, @path, @region, @name, 'Male', @birth, 'Head', 'x',
                    @index, '410611********0011', 'Active', @now, @now, 1)
                """,
                new
                {
                    person,
                    household,
                    common.collective,
                    common.org,
                    common.path,
                    common.region,
                    common.now,
                    name = $"矩阵成员{i}",
                    birth = new DateOnly(1980, 1, 1),
                    index = person.ToString("N"),
                }
            );
            await db.ExecuteAsync(
                """
                INSERT INTO collective_share_change_lines (change_id, line_no, collective_id, member_id,
                    share_type_id, effective_on, delta)
                VALUES (@change, @line, @collective, @person, @shareType, '2020-01-01', 1)
                """,
                new
                {
                    change,
                    line = i + 1,
                    collective,
                    person,
                    shareType,
                }
            );
        }
        return (collective, shareType);
    }
}
