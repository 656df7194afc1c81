using System.Net;
using System.Text;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Assistance;

/// <summary>
/// An application's supporting documents: checked by kind (name and first bytes) and size, stored encrypted
/// (content and file name), listed with the name masked, downloaded whole only with a reason that is audited, and
/// invisible outside the region. Σ ledger = balance after every test, as in the fund's own tests.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class ApplicationDocumentTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Password = "Care-Docs-Password-1";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n张三住院诊断证明 secret-body\n%%EOF");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
    private Guid _region;
    private Guid _branch;

    [OneTimeSetUp]
    public async Task CreateFund()
    {
        _region = (await CreateOrganization(Unique("材料市委"), kind: "Committee", field: "Government")).Id();
        _branch = (await CreateOrganization(Unique("材料支部"), _region, field: "UrbanCommunity")).Id();
        var fund = await Json.Read(
            await Post("/api/v1/assistance/funds", new { organizationId = _region, name = "材料帮扶资金" }),
            HttpStatusCode.Created
        );
        await Json.Read(
            await Post(
                $"/api/v1/assistance/funds/{fund.Id()}/income",
                new
                {
                    source = "DuesShare",
                    amount = 10000m,
                    occurredOn = "2026-01-05",
                }
            ),
            HttpStatusCode.Created
        );
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

    private async Task<JsonElement> Submit()
    {
        var member = await RegisterMember(NewMember.Full(_branch, Unique("困难")[..8]));
        return await Json.Read(
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
    }

    private static string Tag(JsonElement application) => $"\"{application.GetProperty("version").GetInt64()}\"";

    private static async Task<HttpResponseMessage> Upload(
        HttpClient client,
        Guid application,
        string? ifMatch,
        string fileName,
        byte[] content
    )
    {
        var request = new HttpRequestMessage(
            HttpMethod.Post,
            $"/api/v1/assistance/applications/{application}/documents"
        )
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } },
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await client.SendAsync(request);
    }

    private Task<HttpResponseMessage> Download(HttpClient client, Guid application, Guid document, string? reason) =>
        client.PostAsync(
            $"/api/v1/assistance/applications/{application}/documents/{document}/download",
            new StringContent(JsonSerializer.Serialize(new { reason }), Encoding.UTF8, "application/json")
        );

    [Test]
    public async Task A_document_is_stored_encrypted_listed_masked_and_downloaded_whole_with_an_audited_reason()
    {
        var application = await Submit();
        var response = await Upload(Client, application.Id(), Tag(application), "张三诊断证明.pdf", Pdf);
        var uploaded = await Json.Read(response, HttpStatusCode.Created);
        var document = uploaded.GetProperty("document");
        Assert.Multiple(() =>
        {
            Assert.That(document.Str("fileName"), Is.EqualTo("张**.pdf"));
            Assert.That(document.Str("contentType"), Is.EqualTo("application/pdf"));
            Assert.That(document.GetProperty("size").GetInt64(), Is.EqualTo(Pdf.Length));
            Assert.That(
                uploaded.GetProperty("applicationVersion").GetInt64(),
                Is.EqualTo(application.GetProperty("version").GetInt64() + 1)
            );
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo($"\"{uploaded.GetProperty("applicationVersion")}\""));
        });

        var list = await Json.Read(
            await Get($"/api/v1/assistance/applications/{application.Id()}/documents"),
            HttpStatusCode.OK
        );
        Assert.That(list.EnumerateArray().Select(d => d.Str("fileName")), Is.EqualTo(new[] { "张**.pdf" }));
        var detail = await Json.Read(
            await Get($"/api/v1/assistance/applications/{application.Id()}"),
            HttpStatusCode.OK
        );
        var step = detail.GetProperty("steps").EnumerateArray().Last();
        Assert.That(step.Str("step"), Is.EqualTo("DocumentAdded"));
        Assert.That(step.GetProperty("details").GetRawText(), Does.Not.Contain("张三"));

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            var stored = await db.QuerySingleOrDefaultAsync<(string FileName, string Cipher, byte[] Content)>(
                "SELECT file_name, file_name_cipher, content FROM assistance_application_documents WHERE id = @id",
                new { id = document.Id() }
            );
            Assert.Multiple(() =>
            {
                Assert.That(stored.FileName, Does.Not.Contain("张三"));
                Assert.That(stored.Cipher, Does.Not.Contain("张三"));
                Assert.That(Encoding.ASCII.GetString(stored.Content), Does.Not.Contain("PDF"));
                Assert.That(Encoding.UTF8.GetString(stored.Content), Does.Not.Contain("secret-body"));
            });
        }

        await Json.Problem(
            await Download(Client, application.Id(), document.Id(), null),
            HttpStatusCode.BadRequest,
            field: "reason"
        );
        var file = await Download(Client, application.Id(), document.Id(), "审核住院证明真实性");
        Assert.That(file.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.Multiple(async () =>
        {
            Assert.That(await file.Content.ReadAsByteArrayAsync(), Is.EqualTo(Pdf));
            Assert.That(file.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(file.Content.Headers.ContentDisposition?.FileNameStar, Is.EqualTo("张三诊断证明.pdf"));
        });
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var audits = await scope
                .ServiceProvider.GetRequiredService<DbSession>()
                .ExecuteScalarAsync<long>(
                    "SELECT COUNT(*) FROM audit_log WHERE action = 'RevealPersonalData' AND entity_id = @id",
                    new { id = document.Id().ToString() }
                );
            Assert.That(audits, Is.EqualTo(1), "one audit row per download, none for the refused one");
            var leaks = await scope
                .ServiceProvider.GetRequiredService<DbSession>()
                .ExecuteScalarAsync<long>(
                    "SELECT COUNT(*) FROM audit_log WHERE changes LIKE @name OR changes LIKE @body",
                    new { name = "%张三诊断%", body = "%secret-body%" }
                );
            Assert.That(leaks, Is.Zero, "the audit log keeps neither the file name nor the content");
        }
        await Json.Problem(
            await Download(Client, application.Id(), Guid.NewGuid(), "审核住院证明真实性"),
            HttpStatusCode.NotFound
        );
    }

    [Test]
    public async Task Wrong_kinds_sizes_and_stale_copies_are_refused_and_nothing_is_stored()
    {
        var application = await Submit();
        var id = application.Id();
        var tag = Tag(application);
        await Json.Problem(
            await Upload(Client, id, tag, "病历.exe", Pdf),
            HttpStatusCode.Conflict,
            "document_type_not_allowed"
        );
        // A PNG named .pdf is judged by its first bytes.
        await Json.Problem(
            await Upload(Client, id, tag, "病历.pdf", Png),
            HttpStatusCode.Conflict,
            "document_type_not_allowed"
        );
        var large = new byte[5 * 1024 * 1024 + 1];
        "%PDF-"u8.CopyTo(large);
        var tooLarge = await Json.Problem(
            await Upload(Client, id, tag, "病历.pdf", large),
            HttpStatusCode.Conflict,
            "document_too_large"
        );
        Assert.That(tooLarge.GetProperty("maxBytes").GetInt64(), Is.EqualTo(5 * 1024 * 1024));
        await Json.Problem(await Upload(Client, id, tag, "空.pdf", []), HttpStatusCode.Conflict, "document_empty");
        await Json.Problem(await Upload(Client, id, "\"99\"", "病历.pdf", Pdf), HttpStatusCode.PreconditionFailed);
        await Json.Problem(await Upload(Client, id, null, "病历.pdf", Pdf), HttpStatusCode.PreconditionRequired);
        var noFile = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/assistance/applications/{id}/documents")
        {
            Content = new MultipartFormDataContent { { new StringContent("x"), "other" } },
        };
        noFile.Headers.TryAddWithoutValidation("If-Match", tag);
        await Json.Problem(await Client.SendAsync(noFile), HttpStatusCode.BadRequest, field: "file");
        var png = await Json.Read(await Upload(Client, id, tag, "b.PNG", Png), HttpStatusCode.Created);
        Assert.That(png.GetProperty("document").Str("contentType"), Is.EqualTo("image/png"));

        var list = await Json.Read(await Get($"/api/v1/assistance/applications/{id}/documents"), HttpStatusCode.OK);
        Assert.That(list.GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_cancelled_application_takes_no_more_documents()
    {
        var application = await Submit();
        var cancelled = await Json.Read(
            await SendJson(
                $"/api/v1/assistance/applications/{application.Id()}/cancellation",
                new { reason = "家属撤回申请" },
                Tag(application)
            ),
            HttpStatusCode.OK
        );
        await Json.Problem(
            await Upload(Client, application.Id(), Tag(cancelled), "病历.pdf", Pdf),
            HttpStatusCode.Conflict,
            "documents_closed"
        );
    }

    [Test]
    public async Task Another_regions_fund_staff_see_none_of_the_documents()
    {
        var application = await Submit();
        var uploaded = await Json.Read(
            await Upload(Client, application.Id(), Tag(application), "证明.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 1]),
            HttpStatusCode.Created
        );
        var other = (await CreateOrganization(Unique("别市委"), kind: "Committee", field: "Government")).Id();
        var username = Unique("docs");
        await Json.Read(
            await Post("/api/v1/users", NewUser.WithRole(username, Password, "FundManager", other)),
            HttpStatusCode.Created
        );
        var outsider = await SignedInClient(username, Password);
        var documentId = uploaded.GetProperty("document").Id();
        Assert.Multiple(async () =>
        {
            Assert.That(
                (await outsider.GetAsync($"/api/v1/assistance/applications/{application.Id()}/documents")).StatusCode,
                Is.EqualTo(HttpStatusCode.NotFound)
            );
            Assert.That(
                (await Download(outsider, application.Id(), documentId, "看看别人的材料")).StatusCode,
                Is.EqualTo(HttpStatusCode.NotFound)
            );
            Assert.That(
                (await Upload(outsider, application.Id(), "\"2\"", "证明.pdf", Pdf)).StatusCode,
                Is.EqualTo(HttpStatusCode.NotFound)
            );
        });
    }

    [Test]
    public async Task A_retried_upload_with_its_key_answers_the_first_and_adds_one_document()
    {
        var application = await Submit();
        // Over the server-wide 1 MB body limit: the idempotency middleware reads it whole, under the route's limit.
        var large = new byte[2 * 1024 * 1024];
        "%PDF-"u8.CopyTo(large);
        async Task<HttpResponseMessage> Send()
        {
            var request = new HttpRequestMessage(
                HttpMethod.Post,
                $"/api/v1/assistance/applications/{application.Id()}/documents"
            )
            {
                // One boundary, so the retry's bytes are the first request's bytes.
                Content = new MultipartFormDataContent("retry-boundary")
                {
                    { new ByteArrayContent(large), "file", "检查报告.pdf" },
                },
            };
            request.Headers.TryAddWithoutValidation("If-Match", Tag(application));
            request.Headers.TryAddWithoutValidation("Idempotency-Key", "upload-" + application.Id());
            return await Client.SendAsync(request);
        }
        var first = await Json.Read(await Send(), HttpStatusCode.Created);
        var retry = await Json.Read(await Send(), HttpStatusCode.Created);
        Assert.That(retry.GetProperty("document").Id(), Is.EqualTo(first.GetProperty("document").Id()));
        Assert.That(first.GetProperty("document").GetProperty("size").GetInt64(), Is.EqualTo(large.Length));
        var list = await Json.Read(
            await Get($"/api/v1/assistance/applications/{application.Id()}/documents"),
            HttpStatusCode.OK
        );
        Assert.That(list.GetArrayLength(), Is.EqualTo(1), "the retry stored nothing");
    }

    private Task<HttpResponseMessage> SendJson(string url, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(
                JsonSerializer.Serialize(body, Json.Options),
                Encoding.UTF8,
                "application/json"
            ),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return Client.SendAsync(request);
    }
}
