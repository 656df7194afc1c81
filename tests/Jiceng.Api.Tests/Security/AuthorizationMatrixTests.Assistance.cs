using System.Net;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Security;

/// <summary>
/// The care fund's part of the matrix: per region a fund with a child fund, and applications waiting at each step,
/// brought there by four fund staff of the region so that the scoped administrator (who also manages and approves
/// funds) is a different person at every step.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    private sealed record AssistanceSide(
        Guid Fund,
        Guid ChildFund,
        Guid Income,
        Guid Submitted,
        Guid ToCancel,
        Guid Reviewed,
        Guid ToReject,
        Guid Approved,
        Guid Paid,
        Guid WithDocument,
        Guid Document
    );

    /// <summary>A supporting document (multipart, a tiny PDF) for the document upload route.</summary>
    private sealed record DocumentUpload;

    private static readonly byte[] MatrixPdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n矩阵\n%%EOF");

    private static readonly Dictionary<Guid, AssistanceSide> AssistanceSides = [];

    private static AssistanceSide Fund(Side s) => AssistanceSides[s.Root];

    private static readonly string[] AssistanceSteps =
    [
        "/review",
        "/approval",
        "/rejection",
        "/cancellation",
        "/disbursement",
        "/confirmation",
        "/documents",
        "/follow-up",
    ];

    private static bool IsAssistanceStep(string url) =>
        url.Contains("/assistance/applications/", StringComparison.Ordinal)
        && AssistanceSteps.Any(step => url.EndsWith(step, StringComparison.Ordinal));

    private static readonly Dictionary<string, Func<Side, (string Url, object? Body)>> AssistanceSamples = new()
    {
        ["CreateFund"] = s => ("/api/v1/assistance/funds", new { organizationId = s.Leaf, name = "末端支部帮扶资金" }),
        ["ListFunds"] = _ => ("/api/v1/assistance/funds", null),
        ["GetFund"] = s => ($"/api/v1/assistance/funds/{Fund(s).Fund}", null),
        ["RecordFundIncome"] = s =>
            (
                $"/api/v1/assistance/funds/{Fund(s).Fund}/income",
                new
                {
                    source = "Interest",
                    amount = 12.34m,
                    occurredOn = "2026-06-01",
                }
            ),
        ["AllocateFunds"] = s =>
            (
                $"/api/v1/assistance/funds/{Fund(s).Fund}/allocations",
                new
                {
                    toFundId = Fund(s).ChildFund,
                    amount = 100m,
                    occurredOn = "2026-06-01",
                }
            ),
        ["ReverseLedgerEntry"] = s =>
            ($"/api/v1/assistance/funds/{Fund(s).Fund}/entries/{Fund(s).Income}/reversal", new { reason = "重复" }),
        ["ListLedgerEntries"] = s => ($"/api/v1/assistance/funds/{Fund(s).Fund}/entries?kind=Income", null),
        ["SubmitApplication"] = s =>
            (
                "/api/v1/assistance/applications",
                new
                {
                    memberId = s.SecondFull,
                    category = "Illness",
                    amount = 300m,
                    reason = "住院",
                }
            ),
        ["ListApplications"] = _ => ("/api/v1/assistance/applications?awaiting=Street", null),
        ["GetApplication"] = s => ($"/api/v1/assistance/applications/{Fund(s).Submitted}", null),
        ["ReviewApplication"] = s =>
            (
                $"/api/v1/assistance/applications/{Fund(s).Submitted}/review",
                new
                {
                    reviewedOn = "2026-05-30",
                    passed = true,
                    noticeFrom = "2026-06-01",
                    noticeTo = "2026-06-05",
                }
            ),
        ["ApproveApplication"] = s => ($"/api/v1/assistance/applications/{Fund(s).Reviewed}/approval", new { }),
        ["RejectApplication"] = s =>
            ($"/api/v1/assistance/applications/{Fund(s).ToReject}/rejection", new { reason = "材料不全" }),
        ["CancelApplication"] = s =>
            ($"/api/v1/assistance/applications/{Fund(s).ToCancel}/cancellation", new { reason = "已获其他救助" }),
        ["DisburseApplication"] = s =>
            (
                $"/api/v1/assistance/applications/{Fund(s).Approved}/disbursement",
                new
                {
                    paidOn = "2026-06-15",
                    method = "Cash",
                    reference = "签收单-001",
                }
            ),
        ["ConfirmReceipt"] = s =>
            ($"/api/v1/assistance/applications/{Fund(s).Paid}/confirmation", new { confirmedOn = "2026-06-15" }),
        ["UploadApplicationDocument"] = s =>
            ($"/api/v1/assistance/applications/{Fund(s).Submitted}/documents", new DocumentUpload()),
        ["ListNotices"] = s => ($"/api/v1/assistance/notices?organizationId={s.Root}&on=2026-06-03", null),
        ["DrawReceiptSample"] = _ => ("/api/v1/assistance/receipt-samples", new { year = 2026, count = 1 }),
        ["RecordFollowUp"] = s =>
            (
                $"/api/v1/assistance/applications/{Fund(s).Paid}/follow-up",
                new { visitedOn = "2026-06-15", outcome = "Received" }
            ),
        ["ListApplicationDocuments"] = s => ($"/api/v1/assistance/applications/{Fund(s).WithDocument}/documents", null),
        ["DownloadApplicationDocument"] = s =>
            (
                $"/api/v1/assistance/applications/{Fund(s).WithDocument}/documents/{Fund(s).Document}/download",
                new { reason = "矩阵核对证明材料" }
            ),
        ["GetAssistanceStatistics"] = s => ($"/api/v1/assistance/statistics?organizationId={s.Root}&year=2026", null),
        ["ExportAssistanceStatistics"] = s =>
            ($"/api/v1/assistance/statistics/export?organizationId={s.Root}&format=Csv", null),
        ["GetFundStatement"] = s => ($"/api/v1/assistance/funds/{Fund(s).Fund}/statement?year=2026", null),
        ["ExportLedgerEntries"] = s => ($"/api/v1/assistance/funds/{Fund(s).Fund}/entries/export?format=Csv", null),
        ["ExportApplications"] = _ => ("/api/v1/assistance/applications/export?format=Csv", null),
    };

    private async Task BuildAssistanceSide(Side side, string name)
    {
        foreach (var (key, sample) in AssistanceSamples)
        {
            Samples[key] = sample;
        }
        // A region has one fund: the care area's set-up opened it already.
        var fund = (await Json.Read(await Get("/api/v1/assistance/funds"), HttpStatusCode.OK))
            .GetProperty("items")
            .EnumerateArray()
            .First(f => f.GetProperty("organizationId").GetGuid() == side.Root);
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
        var income = await Json.Read(
            await Post(
                $"/api/v1/assistance/funds/{fund.Id()}/income",
                new
                {
                    source = "Donation",
                    amount = 100m,
                    occurredOn = "2026-06-01",
                }
            ),
            HttpStatusCode.Created
        );
        var child = await Json.Read(
            await Post("/api/v1/assistance/funds", new { organizationId = side.Branch, name = name + "支部帮扶资金" }),
            HttpStatusCode.Created
        );
        await Json.Read(
            await Post(
                $"/api/v1/assistance/funds/{fund.Id()}/allocations",
                new
                {
                    toFundId = child.Id(),
                    amount = 20000m,
                    occurredOn = "2026-01-10",
                }
            ),
            HttpStatusCode.Created
        );
        async Task<HttpClient> Staff(string role)
        {
            var username = Unique("care-" + role.ToLowerInvariant()[..4]);
            await Json.Read(
                await Post("/api/v1/users", NewUser.WithRole(username, ScopedPassword, role, side.Root)),
                HttpStatusCode.Created
            );
            return await SignedInClient(username, ScopedPassword);
        }
        var applicant = await Staff("FundManager");
        var preparer = await Staff("FundManager");
        var approver = await Staff("FundApprover");
        var payer = await Staff("FundManager");
        var member = await RegisterMember(NewMember.Full(side.Branch, name + "受助党员"));
        async Task<System.Text.Json.JsonElement> Step(
            HttpClient who,
            string url,
            object body,
            System.Text.Json.JsonElement current
        )
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = System.Net.Http.Json.JsonContent.Create(body),
            };
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{current.GetProperty("version").GetInt64()}\"");
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            return await Json.Read(await who.SendAsync(request), HttpStatusCode.OK);
        }
        async Task<System.Text.Json.JsonElement> Application(string upTo)
        {
            var application = await Json.Read(
                await applicant.PostAsync(
                    "/api/v1/assistance/applications",
                    System.Net.Http.Json.JsonContent.Create(
                        new
                        {
                            memberId = member,
                            category = "Illness",
                            amount = 500m,
                            reason = "住院治疗",
                        }
                    )
                ),
                HttpStatusCode.Created
            );
            var url = $"/api/v1/assistance/applications/{application.Id()}";
            if (upTo == "Submitted")
            {
                return application;
            }
            application = await Step(
                preparer,
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
            if (upTo == "Reviewed")
            {
                return application;
            }
            application = await Step(approver, url + "/approval", new { }, application);
            if (upTo == "Approved")
            {
                return application;
            }
            return await Step(
                payer,
                url + "/disbursement",
                new
                {
                    paidOn = "2026-06-15",
                    method = "BankTransfer",
                    reference = "转账-" + name,
                },
                application
            );
        }
        var withDocument = await Application("Submitted");
        var upload = new HttpRequestMessage(
            HttpMethod.Post,
            $"/api/v1/assistance/applications/{withDocument.Id()}/documents"
        )
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(MatrixPdf), "file", "证明.pdf" } },
        };
        upload.Headers.TryAddWithoutValidation("If-Match", $"\"{withDocument.GetProperty("version").GetInt64()}\"");
        var document = await Json.Read(await applicant.SendAsync(upload), HttpStatusCode.Created);
        AssistanceSides[side.Root] = new AssistanceSide(
            fund.Id(),
            child.Id(),
            income.GetProperty("entryId").GetGuid(),
            (await Application("Submitted")).Id(),
            (await Application("Submitted")).Id(),
            (await Application("Reviewed")).Id(),
            (await Application("Reviewed")).Id(),
            (await Application("Approved")).Id(),
            (await Application("Paid")).Id(),
            withDocument.Id(),
            document.GetProperty("document").Id()
        );
        // The paid application is drawn for a follow-up visit, which the matrix then records.
        await Json.Read(
            await applicant.PostAsync(
                "/api/v1/assistance/receipt-samples",
                System.Net.Http.Json.JsonContent.Create(new { year = 2026, count = 100 })
            ),
            HttpStatusCode.OK
        );
    }
}
