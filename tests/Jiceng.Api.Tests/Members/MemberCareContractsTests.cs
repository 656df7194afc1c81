using System.Net;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Contracts;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Members;

/// <summary>
/// The Members' Contracts the care fund reads: old and long-standing members on a day, the hardship register over
/// time and leaving it, and the death listener told inside RecordDeath's transaction. Today is 2026-06-15.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class MemberCareContractsTests(DatabaseProvider provider) : ApiTest(provider)
{
    private readonly DeathListenerProbe probe = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddScoped<IMemberDeathListener>(_ => probe);

    private async Task<DataScope> ScopeOf(Guid organization)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var subtree = await scope
            .ServiceProvider.GetRequiredService<IOrganizationDirectory>()
            .SubtreeWithinAsync(organization, DataScope.WholeTree, CancellationToken.None);
        return new DataScope(subtree!.PathFrom, subtree.PathTo);
    }

    [Test]
    public async Task Old_and_long_standing_members_are_counted_to_the_day_at_both_boundaries()
    {
        var branch = (await CreateOrganization(Unique("老党员党支部"))).Id();
        var eighty = await RegisterMember(NewMember.Full(branch, "满八十", "1946-01-20", "1980-07-01", "1981-07-01"));
        await RegisterMember(NewMember.Full(branch, "差一天八十", "1946-01-21", "1980-07-01", "1981-07-01"));
        var fifty = await RegisterMember(
            NewMember.Full(branch, "党龄五十年", "1950-05-01", "1975-01-20", "1976-01-20")
        );
        await RegisterMember(NewMember.Full(branch, "党龄差一天", "1950-05-01", "1975-01-21", "1976-01-21"));
        var reported = await RegisterMember(
            NewMember.Full(branch, "报到党员", "1985-03-01", "2010-07-01", "2011-07-01")
        );
        var elsewhere = (await CreateOrganization(Unique("别处党支部"))).Id();
        await RegisterMember(NewMember.Full(elsewhere, "别处老党员", "1930-01-01", "1960-07-01", "1961-07-01"));
        var community = (await CreateOrganization(Unique("报到社区党委"), kind: "Committee")).Id();
        await Json.Read(
            await Post(
                $"/api/v1/members/{reported}/community-reports",
                new { communityOrganizationId = community, reportedOn = "2026-01-05" }
            ),
            HttpStatusCode.Created
        );

        await using var scope = Factory.Services.CreateAsyncScope();
        var register = scope.ServiceProvider.GetRequiredService<IMemberCareRegister>();
        var day = new DateOnly(2026, 1, 20);
        var listed = await register.OldOrLongStandingAsync(day, 80, 50, await ScopeOf(branch), CancellationToken.None);
        var one = await register.FindAsync(reported, day, await ScopeOf(branch), CancellationToken.None);
        var outside = await register.FindAsync(reported, day, await ScopeOf(elsewhere), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(
                listed.Select(m => m.MemberId),
                Is.EquivalentTo(new[] { eighty, fifty }),
                "80 on the day and 50 years on the day are in; a day short of either is out; another branch is out"
            );
            Assert.That(listed.Single(m => m.MemberId == eighty).Age, Is.EqualTo(80));
            Assert.That(listed.Single(m => m.MemberId == fifty).StandingYears, Is.EqualTo(50));
            Assert.That(one!.ReportedToCommunity, Is.True);
            Assert.That(
                (one.Category, one.Status, one.Age, one.StandingYears),
                Is.EqualTo(("InService", "Active", 40, 14))
            );
            Assert.That(outside, Is.Null, "outside the scope the member does not exist");
        });
    }

    [Test]
    public async Task The_hardship_history_is_read_over_a_period_and_an_entry_ended_through_the_contract()
    {
        var branch = (await CreateOrganization(Unique("台账党支部"))).Id();
        var member = await RegisterMember(NewMember.Full(branch, "台账党员", "1950-01-01"));
        var url = $"/api/v1/members/{member}/hardships";
        var first = await Json.Read(
            await Post(
                url,
                new
                {
                    category = "Illness",
                    since = "2025-01-01",
                    until = "2025-06-30",
                }
            ),
            HttpStatusCode.Created
        );
        var current = await Json.Read(
            await Post(url, new { category = "LowIncome", since = "2026-02-01" }),
            HttpStatusCode.Created
        );
        var branchScope = await ScopeOf(branch);
        var otherScope = await ScopeOf((await CreateOrganization(Unique("无关党支部"))).Id());

        await using var scope = Factory.Services.CreateAsyncScope();
        var history = scope.ServiceProvider.GetRequiredService<IMemberHardshipHistory>();
        var all = await history.ForMemberAsync(member, branchScope, CancellationToken.None);
        var in2025 = await history.OverlappingAsync(
            new DateOnly(2025, 1, 1),
            new DateOnly(2025, 12, 31),
            branchScope,
            CancellationToken.None
        );
        var hidden = await history.ForMemberAsync(member, otherScope, CancellationToken.None);
        var stale = await history.EndAsync(
            member,
            current.Id(),
            9,
            new DateOnly(2026, 6, 1),
            branchScope,
            CancellationToken.None
        );
        var early = await history.EndAsync(
            member,
            current.Id(),
            1,
            new DateOnly(2026, 1, 1),
            branchScope,
            CancellationToken.None
        );
        var past = await history.EndAsync(
            member,
            first.Id(),
            1,
            new DateOnly(2025, 7, 1),
            branchScope,
            CancellationToken.None
        );
        var outside = await history.EndAsync(
            member,
            current.Id(),
            1,
            new DateOnly(2026, 6, 1),
            otherScope,
            CancellationToken.None
        );
        var ended = await history.EndAsync(
            member,
            current.Id(),
            1,
            new DateOnly(2026, 6, 1),
            branchScope,
            CancellationToken.None
        );
        var after = await Json.Read(await Get(url), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(all.Select(p => p.Category), Is.EqualTo(new[] { "LowIncome", "Illness" }));
            Assert.That(in2025.Select(p => p.HardshipId), Is.EqualTo(new[] { first.Id() }));
            Assert.That(hidden, Is.Empty);
            Assert.That(stale, Is.EqualTo(HardshipEndOutcome.Stale));
            Assert.That(early, Is.EqualTo(HardshipEndOutcome.EndsBeforeStart));
            Assert.That(past, Is.EqualTo(HardshipEndOutcome.AlreadyEnded));
            Assert.That(outside, Is.EqualTo(HardshipEndOutcome.NotFound));
            Assert.That(ended, Is.EqualTo(HardshipEndOutcome.Ended));
            Assert.That(after[0].Str("until"), Is.EqualTo("2026-06-01"));
            Assert.That(after[0].GetProperty("current").GetBoolean(), Is.False);
        });
    }

    [Test]
    public async Task A_recorded_death_is_told_to_the_listeners_and_a_refusing_listener_undoes_it()
    {
        var branch = (await CreateOrganization(Unique("去世党支部"))).Id();
        var member = await RegisterMember(NewMember.Full(branch, "去世党员", "1940-01-01"));
        var refused = await RegisterMember(NewMember.Full(branch, "未能记录的党员", "1941-01-01"));

        await Json.Problem(
            await Post($"/api/v1/members/{member}/death", new { diedOn = "2026-06-10" }, "\"9\""),
            HttpStatusCode.PreconditionFailed
        );
        Assert.That(probe.Deaths, Is.Empty, "a refused recording tells no one");
        await Json.Read(
            await Post($"/api/v1/members/{member}/death", new { diedOn = "2026-06-10" }, "\"1\""),
            HttpStatusCode.OK
        );
        probe.Refuse = refused;
        await Json.Problem(
            await Post($"/api/v1/members/{refused}/death", new { diedOn = "2026-06-11" }, "\"1\""),
            HttpStatusCode.Conflict
        );
        var stillActive = await Json.Read(await Get($"/api/v1/members/{refused}"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(
                probe.Deaths.Select(d => (d.MemberId, d.Name, d.OrganizationId, d.DiedOn)),
                Is.EqualTo(new[] { (member, "去世党员", branch, new DateOnly(2026, 6, 10)) })
            );
            Assert.That(probe.Deaths[0].OrganizationPath, Is.Not.Empty);
            Assert.That(stillActive.Str("status"), Is.EqualTo("Active"), "the listener's refusal rolled it back");
        });
    }

    private sealed class DeathListenerProbe : IMemberDeathListener
    {
        public List<MemberDeath> Deaths { get; } = [];

        public Guid? Refuse { get; set; }

        public Task OnMemberDiedAsync(MemberDeath death, CancellationToken cancellationToken)
        {
            if (death.MemberId == Refuse)
            {
                throw new Jiceng.Infrastructure.Http.BusinessRuleException("probe_refused", "拒绝", "refused");
            }
            Deaths.Add(death);
            return Task.CompletedTask;
        }
    }
}
