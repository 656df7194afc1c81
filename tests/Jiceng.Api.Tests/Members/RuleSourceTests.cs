using System.Net;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Members;

/// <summary>
/// A refusal quotes the rule's source from the rule set: the official article where the Party's documents fix the
/// rule, 本地规定 where the rule is local. The test clock's today is 2026-06-15.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class RuleSourceTests(DatabaseProvider provider) : ApiTest(provider)
{
    private Guid _branch;
    private Guid[] _introducers = [];

    [OneTimeSetUp]
    public async Task CreateBranchAndIntroducers()
    {
        _branch = (await CreateOrganization(Unique("规则依据党支部"), field: "Village")).Id();
        _introducers = [await Member("依据介绍人甲", "Full"), await Member("依据介绍人乙", "Full")];
    }

    private async Task<Guid> Member(string name, string stage, string? appliedOn = null, string? activistOn = null)
    {
        var body = new
        {
            organizationId = _branch,
            name,
            idNumber = TestIdNumbers.For("1990-01-01"),
            category = "Farmer",
            stage,
            appliedOn,
            activistOn,
            joinedOn = stage == "Full" ? "2025-01-01" : null,
            fullMemberOn = stage == "Full" ? "2026-01-01" : null,
        };
        return (await Json.Read(await Post("/api/v1/members", body), HttpStatusCode.Created)).Id();
    }

    [Test]
    public async Task An_early_candidate_is_refused_citing_article_13_of_the_rules_on_developing_members()
    {
        var activist = await Member("依据积极分子", "Activist", appliedOn: "2024-12-15", activistOn: "2025-06-15");
        var early = await Json.Problem(
            await Post(
                $"/api/v1/members/{activist}/pipeline/candidate",
                new
                {
                    decidedOn = "2026-06-14",
                    introducerIds = _introducers,
                    politicalReviewOn = "2026-05-20",
                    trainingHours = 24,
                    noticeFrom = "2026-06-01",
                    noticeTo = "2026-06-05",
                }
            ),
            HttpStatusCode.Conflict,
            code: "candidate_too_early"
        );
        Assert.That(
            early.Str("rule"),
            Does.StartWith("《中国共产党发展党员工作细则》第十三条").And.Not.Contain("第十四条")
        );
    }

    [Test]
    public async Task An_early_activist_is_refused_citing_the_local_rule()
    {
        var applicant = await Member("依据申请人", "Applicant", appliedOn: "2025-12-15");
        var early = await Json.Problem(
            await Post(
                $"/api/v1/members/{applicant}/pipeline/activist",
                new { decidedOn = "2026-06-14", cultivationContacts = new[] { "依据介绍人甲" } }
            ),
            HttpStatusCode.Conflict,
            code: "activist_too_early"
        );
        Assert.That(early.Str("rule"), Does.StartWith("本地规定").And.Not.Contain("细则"));
    }
}
