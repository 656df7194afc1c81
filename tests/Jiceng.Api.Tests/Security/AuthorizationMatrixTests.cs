using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Security;

/// <summary>
/// Built from the OpenAPI document, so every new route is covered: anonymous → 401, signed in without the
/// permission → 403, an object in another region's subtree → 404, in scope with the permission → 2xx.
/// A route without a sample request below fails the test until one is added.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed partial class AuthorizationMatrixTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string ScopedPassword = "Scoped-Admin-Password-1";

    private sealed record Side(
        Guid Root,
        Guid Branch,
        Guid Leaf,
        Guid Rectification,
        Guid Pairing,
        Guid Coalition,
        Guid RuleSet,
        Guid User,
        Guid ApiClient,
        Guid Member,
        string MemberIdNumber,
        Guid SecondFull,
        Guid Applicant,
        Guid Activist,
        Guid Candidate,
        Guid ToConvert,
        Guid ToExtend,
        Guid ToCancel,
        Guid ToTransfer,
        Guid Transfer,
        Guid TransferToWithdraw,
        Guid Hardship,
        Guid ToDie,
        Guid ToTalk,
        Guid Veteran
    );

    /// <summary>Each side's micro-wishes, by its root: one per step the matrix takes (a fresh wish per step).</summary>
    private sealed record SideWishes(Guid Open, Guid ToClaim, Guid Claimed, Guid Delivered, Guid ToCancel);

    private static readonly Dictionary<Guid, SideWishes> WishesOf = [];

    /// <summary>Each side's collective, two of its members holding shares, and a share type (by the side's root).
    /// </summary>
    private sealed record DividendsSide(Guid Collective, Guid Giver, Guid Receiver, Guid ShareType);

    private static readonly Dictionary<Guid, DividendsSide> DividendsSides = [];

    private static object CollectiveIncome =>
        new
        {
            operatingIncome = 300_000m,
            costs = 100_000m,
            reserve = 60_000m,
            memberDividends = 100_000m,
        };

    /// <summary>The care area's objects of each side (visits, condolences, pairs, the ledger).</summary>
    private sealed record CareSide(
        Guid Fund,
        Guid VisitList,
        Guid Visit,
        Guid CondolenceToPay,
        Guid CondolenceToDecline,
        Guid InHardship,
        Guid Hardship,
        Guid SecondInHardship,
        Guid Helper,
        Guid Pair,
        Guid PairToEnd
    );

    private static readonly Dictionary<Side, CareSide> Care = [];

    private async Task<CareSide> BuildCareSide(Side side, string name)
    {
        var fund = await Json.Read(
            await Post("/api/v1/assistance/funds", new { organizationId = side.Root, name = name + "帮扶资金" }),
            HttpStatusCode.Created
        );
        await Json.Read(
            await Post(
                $"/api/v1/assistance/funds/{fund.Id()}/income",
                new
                {
                    source = "DuesShare",
                    amount = 10000m,
                    occurredOn = "2026-06-01",
                }
            ),
            HttpStatusCode.Created
        );
        async Task<(Guid Member, Guid Hardship)> InHardship(string who)
        {
            var member = await RegisterMember(
                NewMember.Full(side.Branch, name + who, "1950-01-01", category: "Retired")
            );
            var hardship = await Json.Read(
                await Post($"/api/v1/members/{member}/hardships", new { category = "LowIncome", since = "2025-01-01" }),
                HttpStatusCode.Created
            );
            return (member, hardship.Id());
        }
        var (inHardship, hardshipId) = await InHardship("困难甲");
        var (second, _) = await InHardship("困难乙");
        var (third, _) = await InHardship("困难丙");
        var helper = await RegisterMember(NewMember.Full(side.Branch, name + "帮扶人", "1985-01-01"));
        async Task<Guid> Pair(Guid helped) =>
            (
                await Json.Read(
                    await Post(
                        "/api/v1/assistance/pairings",
                        new
                        {
                            helperMemberId = helper,
                            helpedMemberId = helped,
                            startedOn = "2026-03-01",
                        }
                    ),
                    HttpStatusCode.Created
                )
            ).Id();
        var list = await Json.Read(
            await Post(
                "/api/v1/assistance/visit-lists",
                new
                {
                    organizationId = side.Branch,
                    occasion = "SpringFestival",
                    year = 2026,
                }
            ),
            HttpStatusCode.Created
        );
        var visit = await Json.Read(
            await Post(
                $"/api/v1/assistance/visit-lists/{list.Id()}/visits",
                new { name = name + "烈属", relation = "烈士之父" }
            ),
            HttpStatusCode.Created
        );
        async Task<Guid> Condolence(string who)
        {
            var member = await RegisterMember(
                NewMember.Full(side.Branch, name + who, "1935-01-01", category: "Retired")
            );
            await Json.Read(
                await Post($"/api/v1/members/{member}/death", new { diedOn = "2026-06-01" }, "\"1\""),
                HttpStatusCode.OK
            );
            var proposed = await Json.Read(await Get("/api/v1/assistance/condolences?pageSize=200"), HttpStatusCode.OK);
            return proposed
                .GetProperty("items")
                .EnumerateArray()
                .Single(c => c.GetProperty("memberId").GetGuid() == member)
                .Id();
        }
        return new CareSide(
            fund.Id(),
            list.Id(),
            visit.Id(),
            await Condolence("去世甲"),
            await Condolence("去世乙"),
            inHardship,
            hardshipId,
            second,
            helper,
            await Pair(inHardship),
            await Pair(third)
        );
    }

    private Side _a = null!;
    private Side _b = null!;
    private HttpClient _scopedAdmin = null!;
    private HttpClient _noPermissions = null!;

    /// <summary>operationId → the request to send (path filled from
    /// a side; the body valid, so only access decides).</summary>
    private static readonly Dictionary<string, Func<Side, (string Url, object? Body)>> Samples = new()
    {
        ["ListOrganizations"] = s => ($"/api/v1/organizations?within={s.Root}", null),
        ["CreateOrganization"] = s =>
            ("/api/v1/organizations", new NewOrganization("矩阵新建支部", s.Root, "Branch", "Village")),
        ["GetOrganization"] = s => ($"/api/v1/organizations/{s.Branch}", null),
        ["UpdateOrganization"] = s =>
            (
                $"/api/v1/organizations/{s.Branch}",
                new
                {
                    name = "矩阵支部（改）",
                    kind = "Branch",
                    field = "Village",
                }
            ),
        ["DissolveOrganization"] = s => ($"/api/v1/organizations/{s.Leaf}", null),
        ["ListChildOrganizations"] = s => ($"/api/v1/organizations/{s.Root}/children", null),
        ["MoveOrganization"] = s => ($"/api/v1/organizations/{s.Leaf}/move", new { newParentId = s.Root }),
        ["GetSubtreeStatistics"] = s => ($"/api/v1/organizations/{s.Root}/stats", null),
        ["ListRuleWarnings"] = s => ($"/api/v1/organizations/warnings?within={s.Root}", null),
        ["RecordGrading"] = s => ($"/api/v1/organizations/{s.Branch}/gradings", new { year = 2024, level = "good" }),
        ["ReviseGrading"] = s => ($"/api/v1/organizations/{s.Branch}/gradings/2025", new { level = "average" }),
        ["ListGradings"] = s => ($"/api/v1/organizations/{s.Branch}/gradings", null),
        ["ListLaggingOrganizations"] = s => ($"/api/v1/organizations/{s.Root}/gradings/lagging?year=2025", null),
        ["OpenRectification"] = s =>
            (
                $"/api/v1/organizations/{s.Branch}/rectifications",
                new
                {
                    reasons = new[] { "组织生活不正常" },
                    plan = "整改",
                    responsiblePerson = "王",
                    dueOn = "2026-12-01",
                }
            ),
        ["GetRectification"] = s => ($"/api/v1/organizations/{s.Branch}/rectifications/{s.Rectification}", null),
        ["UpdateRectification"] = s =>
            (
                $"/api/v1/organizations/{s.Branch}/rectifications/{s.Rectification}",
                new
                {
                    reasons = new[] { "组织生活不正常" },
                    plan = "整改（改）",
                    responsiblePerson = "王",
                    dueOn = "2026-12-31",
                }
            ),
        ["AddRectificationNote"] = s =>
            ($"/api/v1/organizations/{s.Branch}/rectifications/{s.Rectification}/notes", new { content = "进展" }),
        ["CloseRectification"] = s =>
            ($"/api/v1/organizations/{s.Branch}/rectifications/{s.Rectification}/close", new { closureNote = "销号" }),
        ["ListRectifications"] = s => ($"/api/v1/organizations/{s.Branch}/rectifications", null),
        ["ListOverdueRectifications"] = s => ($"/api/v1/organizations/{s.Root}/rectifications/overdue", null),
        ["CreatePairing"] = s =>
            (
                $"/api/v1/organizations/{s.Leaf}/pairings",
                new
                {
                    partnerOrganizationId = s.Root,
                    kind = "Contracting",
                    startsOn = "2026-02-01",
                }
            ),
        ["UpdatePairing"] = s =>
            ($"/api/v1/organizations/{s.Branch}/pairings/{s.Pairing}", new { startsOn = "2026-01-01", notes = "改" }),
        ["ListPairings"] = s => ($"/api/v1/organizations/{s.Branch}/pairings", null),
        ["ListCoalitions"] = s => ("/api/v1/coalitions", null),
        ["CreateCoalition"] = s =>
            (
                "/api/v1/coalitions",
                new
                {
                    name = "矩阵联合体" + Guid.NewGuid().ToString("N")[..4],
                    memberOrganizationIds = new[] { s.Root, s.Branch },
                }
            ),
        ["GetCoalition"] = s => ($"/api/v1/coalitions/{s.Coalition}", null),
        ["UpdateCoalition"] = s =>
            (
                $"/api/v1/coalitions/{s.Coalition}",
                new
                {
                    name = "矩阵联合体（改）" + s.Root.ToString()[..4],
                    memberOrganizationIds = new[] { s.Root, s.Branch },
                }
            ),
        ["ListRuleSets"] = s => ("/api/v1/rule-sets", null),
        ["CreateRuleSet"] = s => ("/api/v1/rule-sets", new { regionRootId = s.Root, name = "矩阵规则" }),
        ["GetRuleSet"] = s => ($"/api/v1/rule-sets/{s.RuleSet}", null),
        ["UpdateRuleSet"] = s => ($"/api/v1/rule-sets/{s.RuleSet}", null),
        ["ListMembers"] = s => ($"/api/v1/members?organizationId={s.Root}", null),
        ["CreateMember"] = s =>
            (
                "/api/v1/members",
                NewMember.Applicant(s.Branch, "矩阵党员", "2026-01-01", birth: "1970-01-01", category: "Farmer")
            ),
        ["GetMember"] = s => ($"/api/v1/members/{s.Member}", null),
        ["RecordTalk"] = s =>
            ($"/api/v1/members/{s.ToTalk}/pipeline/talk", new { talkOn = "2026-06-10", talkedBy = "支部书记" }),
        ["RecordMemberDeath"] = s => ($"/api/v1/members/{s.ToDie}/death", new { diedOn = "2026-06-01" }),
        ["RecordMemberMedal"] = s =>
            ($"/api/v1/members/{s.Veteran}/medal", new { year = 2026, awardedBy = "矩阵市委" }),
        ["UpdateMember"] = s =>
            (
                $"/api/v1/members/{s.Member}",
                new
                {
                    name = "矩阵党员（改）",
                    idNumber = s.MemberIdNumber,
                    category = "Retired",
                }
            ),
        ["LookupMember"] = s => ("/api/v1/members/lookup", new { idNumber = s.MemberIdNumber }),
        ["RevealMemberData"] = s =>
            ($"/api/v1/members/{s.Member}/reveal", new { field = "IdNumber", reason = "矩阵测试核对身份" }),
        ["GetPipeline"] = s => ($"/api/v1/members/{s.Applicant}/pipeline", null),
        ["AppointActivist"] = s =>
            (
                $"/api/v1/members/{s.Applicant}/pipeline/activist",
                new { decidedOn = "2026-06-15", cultivationContacts = new[] { "联系人" } }
            ),
        ["NominateCandidate"] = s =>
            (
                $"/api/v1/members/{s.Activist}/pipeline/candidate",
                new
                {
                    decidedOn = "2026-06-15",
                    introducerIds = new[] { s.Member, s.SecondFull },
                    politicalReviewOn = "2026-06-01",
                    trainingHours = 24,
                    noticeFrom = "2026-06-08",
                    noticeTo = "2026-06-12",
                }
            ),
        ["AdmitProbationary"] = s =>
            (
                $"/api/v1/members/{s.Candidate}/pipeline/admission",
                new
                {
                    preReviewedOn = "2026-05-20",
                    voteOn = "2026-06-01",
                    entitledVoters = 9,
                    votesFor = 8,
                    approvedOn = "2026-06-10",
                }
            ),
        ["ConvertToFullMember"] = s =>
            (
                $"/api/v1/members/{s.ToConvert}/pipeline/conversion",
                new
                {
                    meetingOn = "2026-06-15",
                    entitledVoters = 9,
                    attended = 8,
                    votesFor = 8,
                    approvedOn = "2026-06-15",
                    approvedBy = "矩阵区委",
                }
            ),
        ["ExtendProbation"] = s =>
            (
                $"/api/v1/members/{s.ToExtend}/pipeline/extension",
                new
                {
                    meetingOn = "2026-06-15",
                    entitledVoters = 9,
                    attended = 8,
                    votesFor = 8,
                    approvedOn = "2026-06-15",
                    approvedBy = "矩阵区委",
                    months = 6,
                    reason = "继续考察",
                }
            ),
        ["CancelProbation"] = s =>
            (
                $"/api/v1/members/{s.ToCancel}/pipeline/cancellation",
                new
                {
                    meetingOn = "2026-06-15",
                    entitledVoters = 9,
                    attended = 8,
                    votesFor = 8,
                    approvedOn = "2026-06-15",
                    approvedBy = "矩阵区委",
                    reason = "不具备党员条件",
                }
            ),
        ["RecordMeeting"] = s =>
            (
                "/api/v1/members/meetings",
                new
                {
                    organizationId = s.Branch,
                    kind = "ThemeDay",
                    heldOn = "2026-06-01",
                    attendeeIds = new[] { s.Member },
                }
            ),
        ["ListMeetings"] = s => ($"/api/v1/members/meetings?organizationId={s.Branch}", null),
        ["ListMemberLists"] = s => ($"/api/v1/members/lists/MedalCandidates?organizationId={s.Root}&year=2026", null),
        ["GetMemberStatistics"] = s => ($"/api/v1/members/stats?organizationId={s.Root}", null),
        ["TransferMember"] = s =>
            (
                $"/api/v1/members/{s.ToTransfer}/transfers",
                new { toExternal = "北京市某街道党工委", letterNumber = "矩阵-001" }
            ),
        ["ReceiveTransfer"] = s => ($"/api/v1/members/transfers/{s.Transfer}/receipt", new { }),
        ["WithdrawTransfer"] = s =>
            ($"/api/v1/members/transfers/{s.TransferToWithdraw}/withdrawal", new { reason = "介绍信开具有误" }),
        ["ListTransfers"] = s => ("/api/v1/members/transfers?direction=Outbox", null),
        ["SearchOrganizationDirectory"] = _ => ("/api/v1/organizations/directory?q=支部", null),
        ["RecordHardship"] = s =>
            ($"/api/v1/members/{s.ToTransfer}/hardships", new { category = "Elderly", since = "2026-01-01" }),
        ["DownloadMemberImportTemplate"] = s => ("/api/v1/members/import/template", null),
        ["ValidateMemberImport"] = s => ($"/api/v1/members/import/validate?organizationId={s.Branch}", Upload()),
        ["ImportMembers"] = s => ($"/api/v1/members/import?organizationId={s.Branch}", Upload()),
        ["ExportMembers"] = s => ($"/api/v1/members/export?organizationId={s.Branch}&format=Csv", null),
        ["ExportMemberList"] = s =>
            ($"/api/v1/members/lists/PoliticalBirthdays/export?organizationId={s.Root}&month=6", null),
        ["ExportTransfers"] = s => ("/api/v1/members/transfers/export?direction=Inbox&format=Csv", null),
        ["ExportCommunityReports"] = s =>
            ($"/api/v1/members/community-reports/export?communityOrganizationId={s.Leaf}", null),
        ["ExportMeetings"] = s => ($"/api/v1/members/meetings/export?organizationId={s.Branch}&format=Csv", null),
        ["ListHardships"] = s => ($"/api/v1/members/{s.Member}/hardships", null),
        ["EndHardship"] = s => ($"/api/v1/members/{s.Member}/hardships/{s.Hardship}", new { until = "2026-06-01" }),
        ["ReportToCommunity"] = s =>
            ($"/api/v1/members/{s.SecondFull}/community-reports", new { communityOrganizationId = s.Leaf }),
        ["ListCommunityReports"] = s => ($"/api/v1/members/community-reports?communityOrganizationId={s.Leaf}", null),
        ["PlaceMicroWish"] = s =>
            (
                "/api/v1/volunteering/wishes",
                new
                {
                    organizationId = s.Branch,
                    kind = "Elderly",
                    description = "矩阵心愿",
                    estimatedValue = 50,
                    personName = "矩阵",
                }
            ),
        ["GetMicroWish"] = s => ($"/api/v1/volunteering/wishes/{WishesOf[s.Root].Open}", null),
        ["ListMicroWishes"] = s => ($"/api/v1/volunteering/wishes?organizationId={s.Root}", null),
        ["ExportMicroWishes"] = s => ($"/api/v1/volunteering/wishes/export?organizationId={s.Root}&format=Csv", null),
        ["CountMicroWishes"] = s => ($"/api/v1/volunteering/wishes/counts?organizationId={s.Root}", null),
        ["ClaimMicroWish"] = s =>
            (
                $"/api/v1/volunteering/wishes/{WishesOf[s.Root].ToClaim}/claim",
                new { claimant = new { kind = "Organization", id = s.Branch } }
            ),
        ["DeliverMicroWish"] = s =>
            ($"/api/v1/volunteering/wishes/{WishesOf[s.Root].Claimed}/delivery", new { deliveredOn = "2026-06-15" }),
        ["ConfirmMicroWishReceipt"] = s =>
            ($"/api/v1/volunteering/wishes/{WishesOf[s.Root].Delivered}/receipt", new { receivedOn = "2026-06-15" }),
        ["CancelMicroWish"] = s =>
            ($"/api/v1/volunteering/wishes/{WishesOf[s.Root].ToCancel}/cancellation", new { reason = "矩阵取消" }),
        ["RevealMicroWishData"] = s =>
            (
                $"/api/v1/volunteering/wishes/{WishesOf[s.Root].Open}/reveal",
                new { field = "PersonPhone", reason = "矩阵查看理由" }
            ),
        ["ListPublicWishes"] = s => ($"/api/v1/public/wishes/{s.Root}", null),
        ["SignIn"] = s => ("/api/v1/auth/sign-in", new { username = "scoped-a", password = ScopedPassword }),
        ["SignOut"] = s => ("/api/v1/auth/sign-out", null),
        ["GetCurrentUser"] = s => ("/api/v1/auth/me", null),
        ["ChangePassword"] = s =>
            (
                "/api/v1/auth/change-password",
                new { currentPassword = ScopedPassword, newPassword = ScopedPassword + "-new" }
            ),
        ["ListUsers"] = s => ("/api/v1/users", null),
        ["CreateUser"] = s =>
            (
                "/api/v1/users",
                new NewUser(
                    "matrix-" + Guid.NewGuid().ToString("N")[..6],
                    "矩阵",
                    "Matrix-Password-1",
                    ["Viewer"],
                    s.Root
                )
            ),
        ["UpdateUser"] = s =>
            (
                $"/api/v1/users/{s.User}",
                new
                {
                    displayName = "改",
                    roles = new[] { "Viewer" },
                    scopeOrganizationId = s.Root,
                    enabled = true,
                }
            ),
        ["ListApiClients"] = s => ("/api/v1/api-clients", null),
        ["CreateApiClient"] = s =>
            (
                "/api/v1/api-clients",
                new
                {
                    name = "矩阵系统",
                    scopeOrganizationId = s.Root,
                    permissions = new[] { "organizations.read" },
                }
            ),
        ["RevokeApiClient"] = s => ($"/api/v1/api-clients/{s.ApiClient}/revoke", null),
        ["ListAuditLog"] = s => ($"/api/v1/audit?within={s.Root}", null),
        ["CreateCollective"] = s =>
            (
                "/api/v1/dividends/collectives",
                new
                {
                    organizationId = s.Branch,
                    name = "矩阵合作社",
                    kind = "StockCooperative",
                    creditCode = Dividends.CollectiveRegisterTests.NewCreditCode(),
                    landTransferredMu = 10,
                    shareManagement = "Static",
                }
            ),
        ["ListCollectives"] = s => ($"/api/v1/dividends/collectives?organizationId={s.Root}", null),
        ["ExportCollectives"] = s => ($"/api/v1/dividends/collectives/export?organizationId={s.Root}&format=Csv", null),
        ["GetCollective"] = s => ($"/api/v1/dividends/collectives/{DividendsSides[s.Root].Collective}", null),
        ["CreateShareType"] = s =>
            (
                $"/api/v1/dividends/collectives/{DividendsSides[s.Root].Collective}/share-types",
                new
                {
                    name = "矩阵股" + Guid.NewGuid().ToString("N")[..4],
                    kind = "Other",
                    weight = 1,
                }
            ),
        ["ConfirmMembership"] = s =>
            (
                $"/api/v1/dividends/collectives/{DividendsSides[s.Root].Collective}/confirmations",
                new
                {
                    noticeFrom = "2026-01-01",
                    noticeTo = "2026-01-07",
                    assemblyOn = "2026-01-10",
                    assemblyKind = "Members",
                    entitled = 10,
                    present = 8,
                    votesFor = 8,
                    votesAgainst = 0,
                }
            ),
        ["RegisterHousehold"] = s =>
            (
                $"/api/v1/dividends/collectives/{DividendsSides[s.Root].Collective}/households",
                new
                {
                    number = "M" + Guid.NewGuid().ToString("N")[..6],
                    sharesFrom = "2026-01-01",
                    members = new[]
                    {
                        new
                        {
                            name = "矩阵户主",
                            idNumber = TestIdNumbers.For(),
                            relation = "Head",
                        },
                    },
                }
            ),
        ["RecordShareChange"] = s =>
            (
                $"/api/v1/dividends/collectives/{DividendsSides[s.Root].Collective}/share-changes",
                new
                {
                    kind = "Transfer",
                    effectiveOn = "2026-02-01",
                    reason = "矩阵转让",
                    lines = new[]
                    {
                        new
                        {
                            memberId = DividendsSides[s.Root].Giver,
                            shareTypeId = DividendsSides[s.Root].ShareType,
                            delta = -1,
                        },
                        new
                        {
                            memberId = DividendsSides[s.Root].Receiver,
                            shareTypeId = DividendsSides[s.Root].ShareType,
                            delta = 1,
                        },
                    },
                }
            ),
        ["ListShareChanges"] = s =>
            ($"/api/v1/dividends/collectives/{DividendsSides[s.Root].Collective}/share-changes", null),
        ["GetShareRegister"] = s =>
            ($"/api/v1/dividends/collectives/{DividendsSides[s.Root].Collective}/register", null),
        ["ExportShareRegister"] = s =>
            ($"/api/v1/dividends/collectives/{DividendsSides[s.Root].Collective}/register/export?format=Csv", null),
        ["RevealCollectiveMemberData"] = s =>
            (
                $"/api/v1/dividends/collective-members/{DividendsSides[s.Root].Giver}/reveal",
                new { field = "IdNumber", reason = "核对分红领取人身份" }
            ),
        ["RecordIncomeStatement"] = s =>
            ($"/api/v1/dividends/collectives/{DividendsSides[s.Root].Collective}/incomes/2025", CollectiveIncome),
        ["GetIncomeStatement"] = s =>
            ($"/api/v1/dividends/collectives/{DividendsSides[s.Root].Collective}/incomes/2025", null),
        ["ListIncomeStatements"] = s =>
            ($"/api/v1/dividends/collectives/{DividendsSides[s.Root].Collective}/incomes", null),
        ["CheckIncomeStatement"] = s =>
            ($"/api/v1/dividends/collectives/{DividendsSides[s.Root].Collective}/incomes/check", CollectiveIncome),
        // Visits, condolences, 1+N pairs and the hardship ledger (objects of each side in Care).
        ["BuildVisitList"] = s =>
            (
                "/api/v1/assistance/visit-lists",
                new
                {
                    organizationId = s.Leaf,
                    occasion = "PartyAnniversary",
                    year = 2026,
                }
            ),
        ["ListVisitLists"] = _ => ("/api/v1/assistance/visit-lists", null),
        ["ListVisits"] = s => ($"/api/v1/assistance/visit-lists/{Care[s].VisitList}/visits", null),
        ["ExportVisits"] = s => ($"/api/v1/assistance/visit-lists/{Care[s].VisitList}/visits/export", null),
        ["AddVisitee"] = s =>
            (
                $"/api/v1/assistance/visit-lists/{Care[s].VisitList}/visits",
                new { name = "矩阵家属", relation = "烈士之母" }
            ),
        ["RecordVisit"] = s =>
            ($"/api/v1/assistance/visits/{Care[s].Visit}/record", new { visitedOn = "2026-02-01", visitors = "矩阵" }),
        ["ListCondolences"] = _ => ("/api/v1/assistance/condolences", null),
        ["ExportCondolences"] = _ => ("/api/v1/assistance/condolences/export", null),
        ["PayCondolence"] = s =>
            (
                $"/api/v1/assistance/condolences/{Care[s].CondolenceToPay}/pay",
                new { fundId = Care[s].Fund, paidOn = "2026-06-10" }
            ),
        ["DeclineCondolence"] = s =>
            ($"/api/v1/assistance/condolences/{Care[s].CondolenceToDecline}/decline", new { reason = "家属婉拒" }),
        ["PairHelper"] = s =>
            (
                "/api/v1/assistance/pairings",
                new
                {
                    helperMemberId = Care[s].Helper,
                    helpedMemberId = Care[s].SecondInHardship,
                    startedOn = "2026-06-01",
                }
            ),
        ["ListHelperPairs"] = _ => ("/api/v1/assistance/pairings", null),
        ["ExportHelperPairs"] = _ => ("/api/v1/assistance/pairings/export", null),
        ["LogHelp"] = s =>
            ($"/api/v1/assistance/pairings/{Care[s].Pair}/help-logs", new { helpedOn = "2026-06-01", what = "矩阵" }),
        ["ListHelpLogs"] = s => ($"/api/v1/assistance/pairings/{Care[s].Pair}/help-logs", null),
        ["EndHelperPair"] = s =>
            ($"/api/v1/assistance/pairings/{Care[s].PairToEnd}/end", new { endedOn = "2026-06-10" }),
        ["ListHardshipLedger"] = _ => ("/api/v1/assistance/hardship-ledger", null),
        ["ExportHardshipLedger"] = _ => ("/api/v1/assistance/hardship-ledger/export", null),
        ["GetMemberLedger"] = s => ($"/api/v1/assistance/hardship-ledger/{Care[s].InHardship}", null),
        ["RecheckHardship"] = s =>
            (
                $"/api/v1/assistance/hardship-ledger/{Care[s].InHardship}/rechecks",
                new
                {
                    hardshipId = Care[s].Hardship,
                    checkedOn = "2026-06-10",
                    outcome = "Continues",
                }
            ),
        ["ListCalendarYears"] = _ => ("/api/v1/calendar", null),
        ["GetCalendarYear"] = _ => ("/api/v1/calendar/2026", null),
        ["RecordCalendarYear"] = _ =>
            (
                "/api/v1/calendar/2026",
                new
                {
                    notice = "国务院办公厅关于2026年部分节假日安排的通知",
                    holidays = new[] { new { on = "2026-01-01", name = "元旦" } },
                    workingDays = new[] { new { on = "2026-01-04", name = "元旦调休" } },
                }
            ),
    };

    [OneTimeSetUp]
    public async Task BuildTwoRegions()
    {
        _a = await BuildSide("甲");
        _b = await BuildSide("乙");
        await BuildWishes(_a);
        await BuildWishes(_b);
        await BuildDividendsSide(_a);
        await BuildDividendsSide(_b);
        Care[_a] = await BuildCareSide(_a, "甲");
        Care[_b] = await BuildCareSide(_b, "乙");
        await BuildAssistanceSide(_a, "甲");
        await BuildAssistanceSide(_b, "乙");
        var scoped = await Post(
            "/api/v1/users",
            new NewUser(
                "scoped-a",
                "甲区管理员",
                ScopedPassword,
                [
                    "OrganizationAdmin",
                    "MemberManager",
                    "VolunteerCoordinator",
                    "CollectiveAccountant",
                    "RuralEconomyReviewer",
                    "FundManager",
                    "FundApprover",
                ],
                _a.Root
            )
        );
        await Json.Read(scoped, HttpStatusCode.Created);
        _scopedAdmin = await SignedInClient("scoped-a", ScopedPassword);
        await BuildDemandSides();
        await BuildPlanSides();
        await BuildHoursSides();
        var keyless = await Json.Read(
            await Post("/api/v1/api-clients", new { name = "无权限系统", permissions = Array.Empty<string>() }),
            HttpStatusCode.Created
        );
        _noPermissions = Factory.CreateClient();
        _noPermissions.DefaultRequestHeaders.Add("X-Api-Key", keyless.Str("apiKey"));
    }

    private async Task BuildWishes(Side side)
    {
        async Task<Guid> Wish(params string[] steps)
        {
            var wish = (
                await Json.Read(
                    await Post(
                        "/api/v1/volunteering/wishes",
                        new
                        {
                            organizationId = side.Leaf,
                            kind = "ChildLeftBehind",
                            description = "矩阵心愿",
                            estimatedValue = 30,
                            personName = "矩阵",
                            personPhone = "13800001111",
                        }
                    ),
                    HttpStatusCode.Created
                )
            ).Id();
            var bodies = new Dictionary<string, object>
            {
                ["claim"] = new { claimant = new { kind = "Organization", id = side.Leaf } },
                ["delivery"] = new { deliveredOn = "2026-06-15" },
            };
            var version = 1;
            foreach (var step in steps)
            {
                await Json.Read(
                    await Post($"/api/v1/volunteering/wishes/{wish}/{step}", bodies[step], $"\"{version++}\""),
                    HttpStatusCode.OK
                );
            }
            return wish;
        }
        WishesOf[side.Root] = new SideWishes(
            await Wish(),
            await Wish(),
            await Wish("claim"),
            await Wish("claim", "delivery"),
            await Wish()
        );
    }

    private async Task BuildDividendsSide(Side side)
    {
        var collective = (
            await Json.Read(
                await Post("/api/v1/dividends/collectives", Samples["CreateCollective"](side).Body),
                HttpStatusCode.Created
            )
        ).Id();
        var type = (
            await Json.Read(
                await Post(
                    $"/api/v1/dividends/collectives/{collective}/share-types",
                    new
                    {
                        name = "人口股",
                        kind = "Population",
                        weight = 1,
                    }
                ),
                HttpStatusCode.Created
            )
        ).Id();
        var household = await Json.Read(
            await Post(
                $"/api/v1/dividends/collectives/{collective}/households",
                new
                {
                    number = "0001",
                    sharesFrom = "2026-01-01",
                    members = new[]
                    {
                        new
                        {
                            name = "户主",
                            idNumber = TestIdNumbers.For(),
                            relation = "Head",
                            shares = new[] { new { shareTypeId = type, quantity = 10 } },
                        },
                        new
                        {
                            name = "子女",
                            idNumber = TestIdNumbers.For("1995-01-01"),
                            relation = "Child",
                            shares = new[] { new { shareTypeId = type, quantity = 1 } },
                        },
                    },
                }
            ),
            HttpStatusCode.Created
        );
        await Json.Read(
            await Put($"/api/v1/dividends/collectives/{collective}/incomes/2025", CollectiveIncome, null),
            HttpStatusCode.Created
        );
        var members = household.GetProperty("members");
        DividendsSides[side.Root] = new(collective, members[0].GetGuid(), members[1].GetGuid(), type);
    }

    private async Task<Side> BuildSide(string name)
    {
        var root = await CreateOrganization(Unique(name + "区委"), kind: "Committee", field: "Government");
        var branch = await CreateOrganization(name + "支部", root.Id(), field: "Village");
        var leaf = await CreateOrganization(name + "末端支部", branch.Id(), field: "Village");
        await Json.Read(
            await Post($"/api/v1/organizations/{branch.Id()}/gradings", new { year = 2025, level = "poor" }),
            HttpStatusCode.Created
        );
        var rectification = await Json.Read(
            await Post(
                $"/api/v1/organizations/{branch.Id()}/rectifications",
                new
                {
                    reasons = new[] { "书记缺职" },
                    plan = "配齐",
                    responsiblePerson = "李",
                    dueOn = "2026-12-01",
                }
            ),
            HttpStatusCode.Created
        );
        var pairing = await Json.Read(
            await Post(
                $"/api/v1/organizations/{branch.Id()}/pairings",
                new
                {
                    partnerOrganizationId = root.Id(),
                    kind = "Partnership",
                    startsOn = "2026-01-01",
                }
            ),
            HttpStatusCode.Created
        );
        var coalition = await Json.Read(
            await Post(
                "/api/v1/coalitions",
                new { name = Unique(name + "联合体"), memberOrganizationIds = new[] { root.Id(), branch.Id() } }
            ),
            HttpStatusCode.Created
        );
        var ruleSet = await Json.Read(
            await Post("/api/v1/rule-sets", new { regionRootId = root.Id(), name = name + "规则" }),
            HttpStatusCode.Created
        );
        var user = await Json.Read(
            await Post(
                "/api/v1/users",
                new NewUser(
                    Unique("user-" + (name == "甲" ? "a" : "b")),
                    name,
                    "Some-Password-1",
                    ["Viewer"],
                    root.Id()
                )
            ),
            HttpStatusCode.Created
        );
        var client = await Json.Read(
            await Post(
                "/api/v1/api-clients",
                new
                {
                    name = name + "系统",
                    scopeOrganizationId = root.Id(),
                    permissions = new[] { "organizations.read" },
                }
            ),
            HttpStatusCode.Created
        );
        var idNumber = TestIdNumbers.For();
        var member = await RegisterMember(
            NewMember.Full(branch.Id(), name + "党员", joinedOn: "2000-07-01", fullMemberOn: "2001-07-01") with
            {
                IdNumber = idNumber,
                Category = "Farmer",
            }
        );
        async Task<Guid> Person(string stage, NewMember dates) =>
            await RegisterMember(
                dates with
                {
                    OrganizationId = branch.Id(),
                    Name = name + stage,
                    IdNumber = TestIdNumbers.For(),
                    Category = "InService",
                    Stage = stage,
                }
            );
        var secondFull = await Person("Full", new NewMember { JoinedOn = "2000-07-01", FullMemberOn = "2001-07-01" });
        var applicant = await Person("Applicant", new NewMember { AppliedOn = "2025-01-01" });
        var activist = await Person("Activist", new NewMember { AppliedOn = "2024-01-01", ActivistOn = "2025-01-01" });
        var candidate = await Person(
            "Candidate",
            new NewMember
            {
                AppliedOn = "2023-01-01",
                ActivistOn = "2023-08-01",
                CandidateOn = "2026-01-01",
            }
        );
        var toConvert = await Person("Probationary", new NewMember { JoinedOn = "2025-01-01" });
        var toExtend = await Person("Probationary", new NewMember { JoinedOn = "2025-06-01" });
        var toCancel = await Person("Probationary", new NewMember { JoinedOn = "2025-06-01" });
        var toTransfer = await Person("Full", new NewMember { JoinedOn = "2000-07-01", FullMemberOn = "2001-07-01" });
        var leaving = await Person("Full", new NewMember { JoinedOn = "2000-07-01", FullMemberOn = "2001-07-01" });
        var toDie = await Person("Full", new NewMember { JoinedOn = "2000-07-01", FullMemberOn = "2001-07-01" });
        var toTalk = await Person("Applicant", new NewMember { AppliedOn = "2026-06-01" });
        // 光荣在党50年: converted in 1971, so 50 years of standing on 1 July 2026.
        var veteran = await RegisterMember(
            NewMember.Full(branch.Id(), name + "老党员", "1945-01-01", "1970-07-01", "1971-07-01", category: "Retired")
        );
        var transfer = await Json.Read(
            await Post(
                $"/api/v1/members/{leaving}/transfers",
                new { toExternal = "外省某党委", letterNumber = name + "-转-1" }
            ),
            HttpStatusCode.Created
        );
        var withdrawing = await Person("Full", new NewMember { JoinedOn = "2000-07-01", FullMemberOn = "2001-07-01" });
        var toWithdraw = await Json.Read(
            await Post(
                $"/api/v1/members/{withdrawing}/transfers",
                new { toExternal = "外省某党委", letterNumber = name + "-转-2" }
            ),
            HttpStatusCode.Created
        );
        return new Side(
            root.Id(),
            branch.Id(),
            leaf.Id(),
            rectification.Id(),
            pairing.Id(),
            coalition.Id(),
            ruleSet.Id(),
            user.Id(),
            client.Id(),
            member,
            idNumber,
            secondFull,
            applicant,
            activist,
            candidate,
            toConvert,
            toExtend,
            toCancel,
            toTransfer,
            transfer.Id(),
            toWithdraw.Id(),
            (
                await Json.Read(
                    await Post(
                        $"/api/v1/members/{member}/hardships",
                        new { category = "Illness", since = "2026-01-01" }
                    ),
                    HttpStatusCode.Created
                )
            ).Id(),
            toDie,
            toTalk,
            veteran
        );
    }

    private static IEnumerable<(string Method, string Path, string OperationId, JsonElement Operation)> Operations(
        JsonElement document
    ) =>
        document
            .GetProperty("paths")
            .EnumerateObject()
            .SelectMany(path =>
                path.Value.EnumerateObject()
                    .Select(op => (op.Name.ToUpperInvariant(), path.Name, op.Value.Str("operationId"), op.Value))
            );

    /// <summary>A route anyone may call: the document lists no 401 for it (sign-in lists its own 401).</summary>
    private static bool IsPublic(JsonElement operation) =>
        !operation.GetProperty("responses").TryGetProperty("401", out _);

    /// <summary>Whether the document names the request header (If-Match, Idempotency-Key) for the operation.</summary>
    private static bool Takes(JsonElement operation, string header) =>
        operation.TryGetProperty("parameters", out var parameters)
        && parameters.EnumerateArray().Any(p => p.Str("in") == "header" && p.Str("name") == header);

    /// <summary>A spreadsheet upload (multipart), for the import routes.</summary>
    private sealed record SpreadsheetUpload(string Csv);

    /// <summary>A one-row member file with a fresh ID number each time it is sent.</summary>
    private static SpreadsheetUpload Upload() =>
        new(
            $"姓名,公民身份号码,人员类别,发展阶段,入党日期,转正日期\n矩阵导入,{TestIdNumbers.For()},农民,正式党员,2000-07-01,2001-07-01\n"
        );

    private async Task<HttpResponseMessage> Send(
        HttpClient client,
        string method,
        string url,
        object? body,
        string? ifMatch = null,
        bool idempotent = false
    )
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is SpreadsheetUpload upload)
        {
            request.Content = new MultipartFormDataContent
            {
                { new ByteArrayContent(Encoding.UTF8.GetBytes(upload.Csv)), "file", "members.csv" },
            };
        }
        else if (body is not null)
        {
            request.Content = new StringContent(
                JsonSerializer.Serialize(body, Json.Options),
                Encoding.UTF8,
                "application/json"
            );
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        if (idempotent)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        }
        return await client.SendAsync(request);
    }

    [Test]
    public async Task Every_route_answers_401_403_404_and_2xx_as_the_caller_deserves()
    {
        var document = await Json.Read(await Get("/swagger/v1/swagger.json"), HttpStatusCode.OK);
        var operations = Operations(document).ToList();
        var missing = operations.Where(o => !Samples.ContainsKey(o.OperationId)).Select(o => o.OperationId).ToList();
        Assert.That(missing, Is.Empty, "routes without a matrix sample");

        var failures = new List<string>();
        void Expect(string what, HttpResponseMessage response, params HttpStatusCode[] allowed)
        {
            if (!allowed.Contains(response.StatusCode))
            {
                failures.Add(
                    $"{what}: {(int)response.StatusCode}, expected {string.Join("/", allowed.Select(a => (int)a))}"
                );
            }
        }

        foreach (var (method, path, operationId, operation) in operations)
        {
            var (urlA, body) = Samples[operationId](_a);
            var (urlB, bodyB) = Samples[operationId](_b);
            var name = $"{method} {path}";
            var ifMatch = Takes(operation, "If-Match") ? "\"1\"" : null;
            var idempotent = Takes(operation, "Idempotency-Key");
            Task<HttpResponseMessage> SendAs(HttpClient caller, string url, object? sent) =>
                Send(caller, method, url, sent, ifMatch, idempotent);
            if (operationId == "SignIn")
            {
                using var fresh = Factory.CreateClient();
                Expect(name + " anonymous", await Send(fresh, method, urlA, body), HttpStatusCode.NoContent);
                continue;
            }
            if (IsPublic(operation))
            {
                // The public pages (wish wall, 公示 and certificate checks) need no sign-in or permission.
                Expect(name + " anonymous", await SendAs(Anonymous, urlA, body), HttpStatusCode.OK);
                continue;
            }
            Expect(name + " anonymous", await SendAs(Anonymous, urlA, body), HttpStatusCode.Unauthorized);
            if (operationId is not ("SignOut" or "GetCurrentUser" or "ChangePassword"))
            {
                Expect(
                    name + " without permission",
                    await SendAs(_noPermissions, urlA, body),
                    HttpStatusCode.Forbidden
                );
            }
            if (operationId == "UpdateRuleSet")
            {
                var (ruleSet, _) = await GetWithETag(urlA);
                bodyB = new { name = "乙规则（改）", document = ruleSet.GetProperty("document") };
            }
            if (urlB != urlA && path.Contains('{', StringComparison.Ordinal))
            {
                Expect(name + " other region", await SendAs(_scopedAdmin, urlB, bodyB), HttpStatusCode.NotFound);
            }
        }

        // In scope with the permission: reads first, then writes, then the ones that end something.
        var order = operations.OrderBy(o =>
            o.Method == "GET" ? 0
            : o.OperationId is "DissolveOrganization" or "RevokeApiClient" or "SignOut" or "CloseRectification" ? 2
            : 1
        );
        foreach (var (method, path, operationId, operation) in order)
        {
            if (operationId is "SignIn")
            {
                continue;
            }
            var (url, body) = Samples[operationId](_a);
            // The audit log needs audit.read and the holiday calendar calendar.write, which an organization admin
            // lacks; a new region's rule set needs a new region.
            var caller = operationId is "ListAuditLog" or "CreateRuleSet" or "RecordCalendarYear"
                ? Client
                : _scopedAdmin;
            if (operationId == "CreateRuleSet")
            {
                var region = await CreateOrganization(Unique("丙区委"), kind: "Committee", field: "Government");
                body = new { regionRootId = region.Id(), name = "丙规则" };
            }
            var etag = Takes(operation, "If-Match") ? await CurrentETag(caller, method, url, operationId) : null;
            if (operationId == "UpdateRuleSet")
            {
                var (ruleSet, _) = await GetWithETag(url);
                body = new { name = "甲规则（改）", document = ruleSet.GetProperty("document") };
            }
            var response = await Send(caller, method, url, body, etag, Takes(operation, "Idempotency-Key"));
            if ((int)response.StatusCode is < 200 or > 299)
            {
                var serverError =
                    response.StatusCode == HttpStatusCode.InternalServerError
                        ? Factory
                            .Logs.Entries.LastOrDefault(e => e.StartsWith("Error", StringComparison.Ordinal))
                            ?.Split('\n')
                            .Take(3)
                        : null;
                failures.Add(
                    $"{method} {path} in scope: {(int)response.StatusCode} "
                        + $"{await response.Content.ReadAsStringAsync()} {string.Join(" | ", serverError ?? [])}"
                );
            }
        }
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }

    /// <summary>The ETag an If-Match route needs, read through the matching GET.</summary>
    private async Task<string> CurrentETag(HttpClient caller, string method, string url, string operationId)
    {
        if (IsDividendsIfMatch(url))
        {
            return await DividendsETag(caller, url);
        }
        if (IsHoursStep(url))
        {
            return await HoursETag(caller, url);
        }
        if (
            method == "POST"
            && url.Contains("/volunteering/wishes/", StringComparison.Ordinal)
            && !url.EndsWith("/reveal", StringComparison.Ordinal)
        )
        {
            var wish = await caller.GetAsync(url[..url.LastIndexOf('/')]);
            return wish.Headers.ETag?.Tag ?? "\"1\"";
        }
        if (
            !(
                method is "PUT" or "DELETE"
                || url.EndsWith("/move", StringComparison.Ordinal)
                || url.EndsWith("/close", StringComparison.Ordinal)
                || IsAssistanceStep(url)
                || IsDemandStep(url)
            )
        )
        {
            return "\"1\"";
        }
        var readUrl = operationId switch
        {
            "MoveOrganization" => url[..^"/move".Length],
            "CloseRectification" => url[..^"/close".Length],
            _ when IsDemandStep(url) => url[..url.LastIndexOf('/')],
            "ReviseGrading" => url,
            _ when IsAssistanceStep(url) => url[..url.LastIndexOf('/')],
            _ => url,
        };
        if (operationId == "ReviseGrading")
        {
            var history = await caller.GetFromJsonAsync<JsonElement>(url[..url.LastIndexOf('/')]);
            return "\""
                + history
                    .GetProperty("items")
                    .EnumerateArray()
                    .First(g => g.GetProperty("year").GetInt32() == 2025)
                    .GetProperty("version")
                    .GetInt64()
                + "\"";
        }
        if (operationId is "UpdateUser" or "UpdatePairing")
        {
            var list = await caller.GetFromJsonAsync<JsonElement>(
                operationId == "UpdateUser" ? "/api/v1/users?pageSize=200" : url[..url.LastIndexOf('/')]
            );
            var id = url[(url.LastIndexOf('/') + 1)..];
            return "\""
                + list.GetProperty("items")
                    .EnumerateArray()
                    .First(i => i.Str("id") == id)
                    .GetProperty("version")
                    .GetInt64()
                + "\"";
        }
        var response = await caller.GetAsync(readUrl);
        return response.Headers.ETag?.Tag ?? "\"1\"";
    }
}
