using System.Net;
using System.Text;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Assistance;

/// <summary>The in-party notice after the branch review: the applications whose notice runs on a day, names masked,
/// withdrawn ones taken down, nothing of another region.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class NoticeTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Password = "Care-Notice-Password-1";

    private static Task<HttpResponseMessage> Step(HttpClient who, string url, object body, JsonElement current)
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
        return who.SendAsync(request);
    }

    [Test]
    public async Task The_notice_lists_reviewed_applications_on_their_days_with_names_masked()
    {
        var region = (await CreateOrganization(Unique("公示市委"), kind: "Committee", field: "Government")).Id();
        var branch = (await CreateOrganization(Unique("公示支部"), region, field: "UrbanCommunity")).Id();
        var fund = await Json.Read(
            await Post("/api/v1/assistance/funds", new { organizationId = region, name = "公示帮扶资金" }),
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
        var username = Unique("notice");
        await Json.Read(
            await Post("/api/v1/users", new NewUser(username, "经办" + username[^4..], Password, ["FundManager"])),
            HttpStatusCode.Created
        );
        var preparer = await SignedInClient(username, Password);
        async Task<JsonElement> Reviewed(string name)
        {
            var member = await RegisterMember(NewMember.Full(branch, name));
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
            return await Json.Read(
                await Step(
                    preparer,
                    $"/api/v1/assistance/applications/{application.Id()}/review",
                    new
                    {
                        reviewedOn = "2026-05-30",
                        passed = true,
                        noticeFrom = "2026-06-01",
                        noticeTo = "2026-06-05",
                    },
                    application
                ),
                HttpStatusCode.OK
            );
        }
        var shown = await Reviewed("欧阳修");
        var withdrawn = await Reviewed("李四");
        await Json.Read(
            await Step(
                Client,
                $"/api/v1/assistance/applications/{withdrawn.Id()}/cancellation",
                new { reason = "家属撤回申请" },
                withdrawn
            ),
            HttpStatusCode.OK
        );

        var during = await Json.Read(
            await Get($"/api/v1/assistance/notices?organizationId={region}&on=2026-06-03"),
            HttpStatusCode.OK
        );
        var items = during.GetProperty("items").EnumerateArray().ToList();
        Assert.That(items, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(items[0].GetProperty("applicationId").GetGuid(), Is.EqualTo(shown.Id()));
            Assert.That(items[0].Str("memberName"), Is.EqualTo("欧*修"));
            Assert.That(items[0].Str("organizationName"), Does.StartWith("公示支部"));
            Assert.That(items[0].GetProperty("amount").GetDecimal(), Is.EqualTo(300m));
            Assert.That(during.GetRawText(), Does.Not.Contain("欧阳修"));
        });
        var after = await Json.Read(
            await Get($"/api/v1/assistance/notices?organizationId={region}&on=2026-06-06"),
            HttpStatusCode.OK
        );
        Assert.That(after.GetProperty("total").GetInt64(), Is.Zero);

        var other = (await CreateOrganization(Unique("别处市委"), kind: "Committee", field: "Government")).Id();
        var outsiderName = Unique("nout");
        await Json.Read(
            await Post("/api/v1/users", NewUser.WithRole(outsiderName, Password, "FundManager", other)),
            HttpStatusCode.Created
        );
        var outsider = await SignedInClient(outsiderName, Password);
        Assert.Multiple(async () =>
        {
            Assert.That(
                (await outsider.GetAsync($"/api/v1/assistance/notices?organizationId={region}")).StatusCode,
                Is.EqualTo(HttpStatusCode.NotFound)
            );
            var own = await Json.Read(
                await outsider.GetAsync("/api/v1/assistance/notices?on=2026-06-03"),
                HttpStatusCode.OK
            );
            Assert.That(own.GetProperty("total").GetInt64(), Is.Zero);
        });
        await Json.Problem(await Get("/api/v1/assistance/notices?on=not-a-day"), HttpStatusCode.BadRequest);
    }
}
