using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Dividends;

/// The register the plan fixtures share (five people in three households, two share types): the plan from preview
/// to payouts, new versions, the payout ledger, the bank's files.
public abstract class PlanFixture(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Password = "Plan-Test-Password-7";
    protected HttpClient Accountant => _accountant;
    protected HttpClient Reviewer => _reviewer;
    protected Guid CollectiveId => _collective;

    protected Guid Organization { get; private set; }
    protected IReadOnlyList<Guid> People => _people;
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
        Organization = org;
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

    protected object Terms(decimal pool = 1000.01m) =>
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

    /// <summary>A collective accountant of another region (a root organization of its own).</summary>
    protected async Task<(HttpClient Client, Guid Organization)> OutsiderClient()
    {
        var org = (await CreateOrganization(Unique("外区党委"))).Id();
        var name = Unique("outsider");
        await Json.Read(
            await Post("/api/v1/users", NewUser.WithRole(name, Password, "CollectiveAccountant", org)),
            HttpStatusCode.Created
        );
        return (await SignedInClient(name, Password), org);
    }

    /// <summary>A plan taken through its steps to approval (and its payouts when asked), by the accountant and the
    /// reviewer; its id.</summary>
    protected async Task<Guid> PlanAt(string stage, decimal pool = 99.99m, bool payouts = false)
    {
        var plan = await Json.Read(
            await Send(_accountant, "/api/v1/dividends/plans", Terms(pool), null),
            HttpStatusCode.Created
        );
        var id = plan.Id();
        if (stage == "Draft")
        {
            return id;
        }
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
        if (stage == "Review")
        {
            return id;
        }
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
        if (stage == "Notice")
        {
            return id;
        }
        await Json.Read(
            await Step(
                _reviewer,
                id,
                "approve",
                new { approvedOn = today.ToString("yyyy-MM-dd"), documentRef = "批复" }
            ),
            HttpStatusCode.OK
        );
        if (payouts)
        {
            await Json.Read(await Step(_accountant, id, "payouts", new { }), HttpStatusCode.OK);
        }
        return id;
    }

    protected static object Resolution(int entitled, int present, int inFavour, string body = "Representatives") =>
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

    protected static async Task<HttpResponseMessage> Step(
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

    protected static Task<HttpResponseMessage> Send(
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

    protected static async Task<string?> Code(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(409), text);
        return JsonDocument.Parse(text).RootElement.GetProperty("code").GetString();
    }
}
