using System.Net;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Http;

/// <summary>
/// If-Match comes first: a write sent with a stale ETag is 412 even when what changed meanwhile was the very state
/// the write would be refused for (closed, dissolved, deceased, ended, a transfer letter); with the current ETag the
/// refusal is the 409 with its code.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class StaleIfMatchTests(DatabaseProvider provider) : ApiTest(provider)
{
    [Test]
    public async Task Closing_a_rectification_closed_meanwhile_with_a_stale_etag_is_412()
    {
        var branch = await CreateOrganization(Unique("整改党支部"));
        var url = $"/api/v1/organizations/{branch.Id()}/rectifications";
        var opened = await Post(
            url,
            new
            {
                reasons = new[] { "组织生活不正常" },
                plan = "整改",
                responsiblePerson = "张三",
                dueOn = "2026-12-01",
            }
        );
        var rectification = $"{url}/{(await Json.Read(opened, HttpStatusCode.Created)).Id()}";
        var (_, stale) = await GetWithETag(rectification);
        await Json.Read(
            await Post($"{rectification}/close", new { closureNote = "销号" }, ifMatch: stale),
            HttpStatusCode.OK
        );
        var (_, current) = await GetWithETag(rectification);

        await Json.Problem(
            await Post($"{rectification}/close", new { closureNote = "再销号" }, ifMatch: stale),
            HttpStatusCode.PreconditionFailed
        );
        await Json.Problem(
            await Post($"{rectification}/close", new { closureNote = "再销号" }, ifMatch: current),
            HttpStatusCode.Conflict,
            code: "rectification_closed"
        );
    }

    [Test]
    public async Task Dissolving_an_organization_dissolved_meanwhile_with_a_stale_etag_is_412()
    {
        var branch = await CreateOrganization(Unique("撤销党支部"));
        var url = $"/api/v1/organizations/{branch.Id()}";
        var (_, stale) = await GetWithETag(url);
        Assert.That((await Delete(url, stale)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var (_, current) = await GetWithETag(url);

        await Json.Problem(await Delete(url, stale), HttpStatusCode.PreconditionFailed);
        await Json.Problem(await Delete(url, current), HttpStatusCode.Conflict, code: "organization_dissolved");
    }

    [Test]
    public async Task Recording_a_death_after_a_transfer_letter_or_another_death_with_a_stale_etag_is_412()
    {
        var branch = (await CreateOrganization(Unique("去世党支部"))).Id();
        var leaving = await Member(branch);
        var (_, staleLeaving) = await GetWithETag($"/api/v1/members/{leaving}");
        await Json.Read(
            await Post(
                $"/api/v1/members/{leaving}/transfers",
                new { toExternal = "外省某党委", letterNumber = Unique("转〔2026〕") }
            ),
            HttpStatusCode.Created
        );
        var (_, currentLeaving) = await GetWithETag($"/api/v1/members/{leaving}");
        var died = await Member(branch);
        var (_, staleDied) = await GetWithETag($"/api/v1/members/{died}");
        await Json.Read(
            await Post($"/api/v1/members/{died}/death", new { diedOn = "2026-05-01" }, staleDied),
            HttpStatusCode.OK
        );
        var (_, currentDied) = await GetWithETag($"/api/v1/members/{died}");

        await Json.Problem(
            await Post($"/api/v1/members/{leaving}/death", new { diedOn = "2026-05-01" }, staleLeaving),
            HttpStatusCode.PreconditionFailed
        );
        await Json.Problem(
            await Post($"/api/v1/members/{leaving}/death", new { diedOn = "2026-05-01" }, currentLeaving),
            HttpStatusCode.Conflict,
            code: "transfer_pending"
        );
        await Json.Problem(
            await Post($"/api/v1/members/{died}/death", new { diedOn = "2026-05-02" }, staleDied),
            HttpStatusCode.PreconditionFailed
        );
        await Json.Problem(
            await Post($"/api/v1/members/{died}/death", new { diedOn = "2026-05-02" }, currentDied),
            HttpStatusCode.Conflict,
            code: "member_not_active"
        );
    }

    [Test]
    public async Task Ending_a_hardship_ended_meanwhile_with_a_stale_etag_is_412()
    {
        var member = await Member((await CreateOrganization(Unique("困难党支部"))).Id());
        var url = $"/api/v1/members/{member}/hardships";
        var recorded = await Json.Read(
            await Post(url, new { category = "Illness", since = "2026-01-01" }),
            HttpStatusCode.Created
        );
        var stale = "\"" + recorded.GetProperty("version").GetInt64() + "\"";
        var ended = await Json.Read(
            await Put($"{url}/{recorded.Id()}", new { until = "2026-06-01" }, stale),
            HttpStatusCode.OK
        );
        var current = "\"" + ended.GetProperty("version").GetInt64() + "\"";

        await Json.Problem(
            await Put($"{url}/{recorded.Id()}", new { until = "2026-05-01" }, stale),
            HttpStatusCode.PreconditionFailed
        );
        await Json.Problem(
            await Put($"{url}/{recorded.Id()}", new { until = "2026-05-01" }, current),
            HttpStatusCode.Conflict,
            code: "hardship_ended"
        );
    }

    private Task<Guid> Member(Guid organizationId) =>
        RegisterMember(NewMember.Full(organizationId, "测试党员", "1960-01-01", "2000-07-01", "2001-07-01"));
}
