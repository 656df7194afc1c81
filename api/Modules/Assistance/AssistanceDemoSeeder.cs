using System.Diagnostics;
using System.Text.Json;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Accounts.Contracts;
using Jiceng.Modules.Members.Contracts;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Assistance;

/// <summary>
/// The care fund's demo (scripts/seed/demo-assistance.json): 鸡西's fund with its start and three yearly top-ups,
/// three Spring Festival visit lists recorded, applications in every state and 1+N helper pairs with their logs,
/// paying out the source article's 2,259,000 yuan to 1,344 members in hardship. Every write goes through the
/// module's commands, each step as the demo user who would do it (so separation of duties holds), in one
/// transaction. Seeded once, when there is no fund yet; after Members, whose register it reads through Contracts.
/// </summary>
internal sealed class AssistanceDemoSeeder(IServiceScopeFactory scopes, ILogger<AssistanceDemoSeeder> logger)
    : IDemoSeeder
{
    public const string FileName = "demo-assistance.json";

    private const string CountSql = "SELECT COUNT(*) FROM assistance_funds";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SeedAsync(string seedDirectory, CancellationToken cancellationToken)
    {
        var file = Path.Combine(seedDirectory, FileName);
        if (!File.Exists(file))
        {
            logger.LogWarning("No demo care fund at {File}", file);
            return;
        }
        var started = Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DbSession>();
        if (await db.ExecuteScalarAsync<long>(CountSql, null, cancellationToken) > 0)
        {
            return;
        }
        var seed =
            JsonSerializer.Deserialize<DemoCareFile>(await File.ReadAllTextAsync(file, cancellationToken), Json)
            ?? throw new InvalidOperationException($"{file} is empty.");
        var root = (
            await services.GetRequiredService<IOrganizationDirectory>().ListRootsAsync(cancellationToken)
        ).FirstOrDefault(r => r.Name == seed.Region);
        if (root is null)
        {
            logger.LogWarning("Demo care fund: no region {Root} in the tree", seed.Region);
            return;
        }
        var users = services.GetRequiredService<IUserDirectory>();
        var staff = new DemoCareStaff(
            await CallerAsync(users, seed.Staff.Applicant, cancellationToken),
            await CallerAsync(users, seed.Staff.Preparer, cancellationToken),
            await CallerAsync(users, seed.Staff.Street, cancellationToken),
            await CallerAsync(users, seed.Staff.District, cancellationToken),
            await CallerAsync(users, seed.Staff.Payer, cancellationToken)
        );
        var callers = services.GetRequiredService<CallerAccessor>();
        // The scope of the first step's user is the region's; every demo user of the care fund shares it.
        callers.ActAs(staff.Preparer);
        var run = new DemoCareRun(
            services.GetRequiredService<IMediator>(),
            db,
            callers,
            await services.GetRequiredService<CurrentScope>().GetAsync(cancellationToken),
            services.GetRequiredService<IMemberHardships>(),
            services.GetRequiredService<IMemberVolunteers>(),
            services.GetRequiredService<Domain.AssistanceRuleSets>(),
            staff,
            seed,
            root,
            services.GetRequiredService<TimeProvider>().Today(),
            logger
        );
        await db.BeginAsync(cancellationToken);
        await run.SeedAsync(cancellationToken);
        await db.CommitAsync(cancellationToken);
        var c = run.Counts;
        logger.LogInformation(
            "Seeded the demo care fund in {Seconds:0.0} s: {Paid} yuan paid to {People} members in hardship "
                + "({Visits} visits with money, {Aid} applications paid), {Applications} applications, "
                + "{Pairs} helper pairs with {Logs} help logs",
            Stopwatch.GetElapsedTime(started).TotalSeconds,
            c.PaidFen / 100,
            c.People,
            c.MoneyVisits,
            c.PaidApplications,
            c.Applications,
            c.Pairs,
            c.Logs
        );
    }

    private static async Task<Caller> CallerAsync(
        IUserDirectory users,
        string username,
        CancellationToken cancellationToken
    ) =>
        await users.CallerAsync(username, cancellationToken)
        ?? throw new InvalidOperationException($"demo-assistance.json: no demo user {username}.");
}

internal sealed record DemoCareFile(
    string Region,
    string FundName,
    DemoCareIncome Start,
    IReadOnlyList<DemoCareIncome> TopUps,
    long PaidYuan,
    int People,
    long AidYuan,
    DemoCareStaffNames Staff,
    IReadOnlyList<string> Visitors,
    string Goods,
    int GoodsValueYuan,
    IReadOnlyDictionary<string, string> Reasons,
    IReadOnlyList<string> HelpLog
);

internal sealed record DemoCareIncome(long Yuan, string Purpose);

internal sealed record DemoCareStaffNames(
    string Applicant,
    string Preparer,
    string Street,
    string District,
    string Payer
);

/// <summary>Who does each step: five different people, as the separation of duties requires.</summary>
internal sealed record DemoCareStaff(Caller Applicant, Caller Preparer, Caller Street, Caller District, Caller Payer);

/// <summary>What the run made, for its log line.</summary>
internal sealed class DemoCareCounts
{
    public long PaidFen { get; set; }
    public int People { get; set; }
    public int MoneyVisits { get; set; }
    public int PaidApplications { get; set; }
    public int Applications { get; set; }
    public int Pairs { get; set; }
    public int Logs { get; set; }
}
