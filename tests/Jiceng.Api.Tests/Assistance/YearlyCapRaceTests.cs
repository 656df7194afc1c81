using System.Net;
using System.Text;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Assistance;

/// <summary>
/// The yearly cap per person holds under concurrency: sixteen approvals at once for one person, each within the
/// cap alone but not together, reserve exactly what the cap allows (one conditional statement decides, not a sum
/// read first), and a cancellation gives the room back. The default cap is 5,000 yuan; today is 2026-06-15.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class YearlyCapRaceTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Password = "Care-Cap-Password-1";
    private Guid _branch;
    private Guid _fund;
    private HttpClient _applicant = null!;
    private HttpClient _preparer = null!;
    private HttpClient _street = null!;

    [OneTimeSetUp]
    public async Task CreateFundAndPeople()
    {
        var region = (await CreateOrganization(Unique("上限市委"), kind: "Committee", field: "Government")).Id();
        _branch = (await CreateOrganization(Unique("上限党支部"), region, field: "UrbanCommunity")).Id();
        _fund = (
            await Json.Read(
                await Post("/api/v1/assistance/funds", new { organizationId = region, name = "上限帮扶资金" }),
                HttpStatusCode.Created
            )
        ).Id();
        await Json.Read(
            await Post(
                $"/api/v1/assistance/funds/{_fund}/income",
                new
                {
                    source = "DuesShare",
                    amount = 100000m,
                    occurredOn = "2026-01-05",
                }
            ),
            HttpStatusCode.Created
        );
        _applicant = await User("FundManager");
        _preparer = await User("FundManager");
        _street = await User("FundApprover");
    }

    [TearDown]
    public async Task The_cap_counts_replay() => await YearlyCapInvariant.AssertCountsReplayAsync(Factory.Services);

    private async Task<HttpClient> User(string role)
    {
        var username = Unique("cap");
        await Json.Read(
            await Post("/api/v1/users", new NewUser(username, "经办" + username[^4..], Password, [role])),
            HttpStatusCode.Created
        );
        return await SignedInClient(username, Password);
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string url, object body, string? ifMatch)
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
        return await client.SendAsync(request);
    }

    private static string Tag(JsonElement application) => $"\"{application.GetProperty("version").GetInt64()}\"";

    /// <summary>Submitted for 1,000 yuan (the street's tier) and reviewed, the notice over: ready for approval.
    /// </summary>
    private async Task<JsonElement> Reviewed(Guid member)
    {
        var submitted = await Json.Read(
            await Send(
                _applicant,
                "/api/v1/assistance/applications",
                new
                {
                    memberId = member,
                    category = "Illness",
                    amount = 1000m,
                    reason = "住院治疗，自付费用较高",
                },
                null
            ),
            HttpStatusCode.Created
        );
        return await Json.Read(
            await Send(
                _preparer,
                $"/api/v1/assistance/applications/{submitted.Id()}/review",
                new
                {
                    reviewedOn = "2026-05-30",
                    passed = true,
                    noticeFrom = "2026-06-01",
                    noticeTo = "2026-06-05",
                },
                Tag(submitted)
            ),
            HttpStatusCode.OK
        );
    }

    private static Task<HttpResponseMessage> Approve(HttpClient who, JsonElement application) =>
        Send(who, $"/api/v1/assistance/applications/{application.Id()}/approval", new { }, Tag(application));

    private async Task<long> Committed(Guid member)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        return await db.ExecuteScalarAsync<long?>(
                "SELECT committed FROM assistance_member_caps WHERE member_id = @member AND year = 2026",
                new { member }
            ) ?? 0;
    }

    [Test]
    public async Task Sixteen_approvals_at_once_for_one_person_reserve_no_more_than_the_cap()
    {
        var member = await RegisterMember(NewMember.Full(_branch, Unique("困难")[..8]));
        var reviewed = new List<JsonElement>();
        for (var i = 0; i < 16; i++)
        {
            reviewed.Add(await Reviewed(member));
        }
        var heldBefore = await Held();
        var answers = await Task.WhenAll(reviewed.Select(a => Approve(_street, a)));
        var approved = new List<JsonElement>();
        foreach (var answer in answers)
        {
            if (answer.StatusCode == HttpStatusCode.OK)
            {
                approved.Add(await Json.Read(answer, HttpStatusCode.OK));
            }
            else
            {
                var refused = await Json.Problem(answer, HttpStatusCode.Conflict, "yearly_cap_exceeded");
                Assert.That(refused.GetProperty("cap").GetDecimal(), Is.EqualTo(5000m));
            }
        }
        var committed = await Committed(member);
        var held = await Held();
        Assert.Multiple(() =>
        {
            Assert.That(approved, Has.Count.EqualTo(5), "5,000 yuan a year: five approvals of 1,000 yuan");
            Assert.That(approved.All(a => a.Str("status") == "Approved"), Is.True);
            Assert.That(committed, Is.EqualTo(500000), "in 分: the cap, exactly");
            Assert.That(held, Is.EqualTo(heldBefore + 5000m), "the fund holds what was approved");
        });

        // A cancellation releases the person's room under the cap as well as the fund's hold: one more fits.
        await Json.Read(
            await Send(
                _applicant,
                $"/api/v1/assistance/applications/{approved[0].Id()}/cancellation",
                new { reason = "重复申请" },
                Tag(approved[0])
            ),
            HttpStatusCode.OK
        );
        Assert.That(await Committed(member), Is.EqualTo(400000));
        var waiting = reviewed.First(r => approved.All(a => a.Id() != r.Id()));
        Assert.That(
            (await Json.Read(await Approve(_street, waiting), HttpStatusCode.OK)).Str("status"),
            Is.EqualTo("Approved")
        );
        Assert.That(await Committed(member), Is.EqualTo(500000));
    }

    private async Task<decimal> Held() =>
        (await Json.Read(await Get($"/api/v1/assistance/funds/{_fund}"), HttpStatusCode.OK))
            .GetProperty("fund")
            .GetProperty("held")
            .GetDecimal();
}
