using System.Text.Json;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Accounts.Contracts;
using Jiceng.Modules.Dividends.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Dividends;

/// <summary>
/// Demo collectives from the source articles (scripts/seed/demo-dividends.json), written through the module's own
/// commands so every rule checks them: 三海社区's stock cooperative with 1,550 members by household and its one
/// approved 2023 plan of two parts (700 yuan a head, 400 yuan of pension to each of the 398 members of 60 or over),
/// every step recorded and every payout confirmed as signed for; 敦化's branch-led cooperatives with their income
/// statements; and 西村's plan on public notice with an objection still open. The demo collective accountant
/// prepares and the rural-economy station's reviewer reviews and approves, so the four-eyes rule holds as it would
/// for people. Each region is one transaction. Seeded once, when no collective exists.
/// </summary>
internal sealed class DividendsDemoSeeder(IServiceScopeFactory scopes, ILogger<DividendsDemoSeeder> logger)
    : IDemoSeeder
{
    public const string FileName = "demo-dividends.json";

    private const string CountSql = "SELECT COUNT(*) FROM collectives";

    private static readonly JsonSerializerOptions Json = InfrastructureSetup.CreateJsonOptions();

    public async Task SeedAsync(string seedDirectory, CancellationToken cancellationToken)
    {
        var file = Path.Combine(seedDirectory, FileName);
        if (!File.Exists(file))
        {
            logger.LogWarning("No demo dividends at {File}", file);
            return;
        }
        DateOnly today;
        DateTimeOffset realNow;
        IReadOnlyList<OrganizationReference> roots;
        Dictionary<string, OrganizationReference> byName;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            if (
                await services
                    .GetRequiredService<DbSession>()
                    .ExecuteScalarAsync<long>(CountSql, null, cancellationToken) > 0
            )
            {
                return;
            }
            var clock = services.GetRequiredService<TimeProvider>();
            today = clock.Today();
            // The run sets the app's DemoClock back to each step's day; with another clock (a test's) the steps keep
            // that clock's now.
            realNow = clock is DemoClock demo ? demo.RealNow : clock.GetUtcNow();
            var organizations = services.GetRequiredService<IOrganizationDirectory>();
            roots = await organizations.ListRootsAsync(cancellationToken);
            byName = new Dictionary<string, OrganizationReference>(StringComparer.Ordinal);
            foreach (var root in roots)
            {
                var subtree = await organizations.SubtreeWithinAsync(root.Id, DataScope.WholeTree, cancellationToken);
                foreach (var organization in await organizations.ListActiveInSubtreeAsync(subtree!, cancellationToken))
                {
                    byName.TryAdd(organization.Name, organization);
                }
            }
        }
        Caller? accountant,
            reviewer;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<IUserDirectory>();
            accountant = await users.CallerAsync("demo-collective-accountant", cancellationToken);
            reviewer = await users.CallerAsync("demo-rural-economy-reviewer", cancellationToken);
        }
        if (accountant is null || reviewer is null)
        {
            logger.LogWarning("No demo collective accountant or reviewer to record the demo dividends");
            return;
        }
        var seed =
            JsonSerializer.Deserialize<DemoDividendsFile>(await File.ReadAllTextAsync(file, cancellationToken), Json)
            ?? throw new InvalidOperationException($"{file} is empty.");
        var placed = new List<(DemoCollective Collective, OrganizationReference Organization, Guid Region)>();
        foreach (var collective in seed.Collectives)
        {
            if (!byName.TryGetValue(collective.Organization, out var organization))
            {
                logger.LogWarning(
                    "No demo organization {Name} for {Collective}",
                    collective.Organization,
                    collective.Name
                );
                continue;
            }
            var region = roots.First(r => organization.Path.StartsWith(r.Path, StringComparison.Ordinal)).Id;
            placed.Add((collective, organization, region));
        }
        var counts = new DemoCounts();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var region in placed.GroupBy(p => p.Region))
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<DbSession>();
            var run = new DividendsDemoRun(
                services.GetRequiredService<IMediator>(),
                services.GetRequiredService<CallerAccessor>(),
                // The demo users' own region, or, for the other regions' collectives, that region: as the accountant
                // and the station's reviewer of that region would be.
                AsIn(accountant, region.Key),
                AsIn(reviewer, region.Key),
                today,
                realNow,
                counts
            );
            await db.BeginAsync(cancellationToken);
            var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
            try
            {
                foreach (var (collective, organization, _) in region)
                {
                    ids[collective.Key] = await run.CollectiveAsync(collective, organization.Id, cancellationToken);
                }
                foreach (var plan in seed.Plans.Where(p => ids.ContainsKey(p.Collective)))
                {
                    await run.PlanAsync(plan, ids[plan.Collective], cancellationToken);
                }
            }
            finally
            {
                DemoClock.Set(null);
            }
            await db.CommitAsync(cancellationToken);
        }
        logger.LogInformation(
            "Seeded {Collectives} demo collectives, {Households} households, {Members} members, {Incomes} income "
                + "statements, {Plans} plans ({Approved} approved and paid out, {Notice} on notice), {Objections} "
                + "objections, {Payouts} payouts confirmed, in {Seconds:0.0} s",
            counts.Get("collectives"),
            counts.Get("households"),
            counts.Get("members"),
            counts.Get("incomes"),
            counts.Get("plans"),
            counts.Get("approved"),
            counts.Get("notice"),
            counts.Get("objections"),
            counts.Get("confirmed"),
            watch.Elapsed.TotalSeconds
        );
    }

    // The demo users are scoped to the first region; in another region they act as that region's own staff would.
    private static Caller AsIn(Caller user, Guid region) =>
        user with
        {
            ScopeOrganizationId = user.ScopeOrganizationId is null ? null : region,
            RequestId = "demo-seed",
        };
}

/// <summary>A date in the seed file: an ISO date, "today" with an optional "-N"/"+N" days, or "lastYearEnd".</summary>
internal static class DemoDates
{
    public static DateOnly Parse(string text, DateOnly today)
    {
        if (text == "lastYearEnd")
        {
            return new DateOnly(today.Year - 1, 12, 31);
        }
        if (text.StartsWith("today", StringComparison.Ordinal))
        {
            var offset = text.Length == 5 ? 0 : int.Parse(text[5..], System.Globalization.CultureInfo.InvariantCulture);
            return today.AddDays(offset);
        }
        return DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }
}

internal sealed record DemoDividendsFile(IReadOnlyList<DemoCollective> Collectives, IReadOnlyList<DemoPlan> Plans);

internal sealed record DemoCollective(
    string Key,
    string Organization,
    string Name,
    CollectiveKind Kind,
    string CreditCode,
    decimal LandTransferredMu,
    ShareManagement ShareManagement,
    DateOnly? EstablishedOn,
    IReadOnlyList<DemoShareType>? ShareTypes,
    DemoRegister? Register,
    IReadOnlyList<DemoIncome>? Incomes
);

internal sealed record DemoShareType(string Name, ShareTypeKind Kind, decimal Weight);

/// <summary>How many people, how many of them elderly on which day, and the shares each one holds.</summary>
internal sealed record DemoRegister(
    int Members,
    int Elderly,
    int ElderlyAge,
    string AgesOn,
    string AreaCode,
    string Address,
    string BankName,
    string SharesFrom,
    IReadOnlyList<string> NamedHeads,
    string NumberPrefix,
    IReadOnlyList<DemoShareRule> Shares,
    DemoConfirmation Confirmation
);

/// <summary>Each member holds Each shares of the type, or one per year of age above YearsOfAgeFrom, at most Most.
/// </summary>
internal sealed record DemoShareRule(string Type, int? Each, int? YearsOfAgeFrom, int? Most);

internal sealed record DemoConfirmation(
    string NoticeFrom,
    string NoticeTo,
    string AssemblyOn,
    AssemblyKind AssemblyKind,
    int Entitled,
    int Present,
    int VotesFor,
    int VotesAgainst,
    string DocumentRef
);

/// <summary>A year's income statement in yuan; Year null is last year.</summary>
internal sealed record DemoIncome(
    int? Year,
    decimal OperatingIncome,
    decimal InvestmentIncome,
    decimal OtherIncome,
    decimal GrantIncome,
    decimal LandCompensation,
    decimal Costs,
    decimal LossesCarried,
    decimal Reserve,
    decimal MemberDividends,
    decimal ByVolumeReturn,
    string? Notes
);

/// <summary>
/// A plan and how far it went: its deliberation steps, the station's review, the notice, objections, approval and
/// the payouts confirmed. Year null is last year; "{year}" in the title is the plan's year, "{y}" in a document
/// reference the year of its own date.
/// </summary>
internal sealed record DemoPlan(
    string Collective,
    int? Year,
    string Title,
    string CutOffOn,
    IReadOnlyList<DemoPlanPart> Parts,
    IReadOnlyList<DemoStep> Steps,
    DemoDatedDocument? Review,
    DemoNotice? Notice,
    IReadOnlyList<DemoObjection>? Objections,
    DemoDatedDocument? Approval,
    DemoPayouts? Payouts
);

internal sealed record DemoPlanPart(
    PlanPartKind Kind,
    string Label,
    PayoutMethod Method,
    PayeeUnit PayeeUnit,
    decimal? Pool,
    decimal? Amount,
    IReadOnlyDictionary<string, decimal>? Weights,
    int? MinAge
);

internal sealed record DemoVote(
    AssemblyBody Body,
    int Entitled,
    int Present,
    int InFavour,
    int Against,
    int Abstaining
);

internal sealed record DemoStep(string Step, string On, string DocumentRef, DemoVote? Vote);

internal sealed record DemoDatedDocument(string On, string DocumentRef);

internal sealed record DemoNotice(string StartsOn, string DocumentRef);

internal sealed record DemoObjection(string ReceivedOn, string RaisedBy, string Content);

/// <summary>Every payout confirmed on PaidOn by the method, the reference being the sheet's page and row.</summary>
internal sealed record DemoPayouts(string PaidOn, ConfirmationMethod Method, string Sheet, int RowsPerPage);

/// <summary>How many of each kind the seed made, for its log line.</summary>
internal sealed class DemoCounts
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Add(string kind, int count = 1) => _counts[kind] = Get(kind) + count;

    public int Get(string kind) => _counts.GetValueOrDefault(kind);
}
