using System.Diagnostics;
using System.Text.Json;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Calendar.Contracts;
using Jiceng.Modules.Members.Contracts;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering;

/// <summary>A region of scripts/seed/demo-volunteering.json: its figures and its own names.</summary>
internal sealed record VolunteeringDemoRegion(
    string Root,
    int Teams,
    int DemandsClaimed,
    int DoneForMembersInHardship,
    int WishesDone,
    bool StarVolunteer,
    IReadOnlyList<string> Surnames,
    IReadOnlyList<string> MaleNames,
    IReadOnlyList<string> FemaleNames
);

/// <summary>scripts/seed/demo-volunteering.json: the regions and the texts the demo's records are made of.</summary>
internal sealed record VolunteeringDemoFile(
    IReadOnlyList<VolunteeringDemoRegion> Regions,
    IReadOnlyList<string> TeamThemes,
    IReadOnlyList<string> Skills,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Demands,
    IReadOnlyDictionary<string, string> WorkDone,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Wishes
);

/// <summary>
/// Demo volunteering for the demo tree (scripts/seed/demo-volunteering.json), written through the module's own
/// commands so every rule checks it: teams with leaders, members and skills, registered volunteers, demands in every
/// state (some overdue by the working-day deadlines), micro-wishes in every state, activities with sign-ups,
/// check-ins, a no-show, a late entry waiting for approval, a volunteer with a star and a certificate, and the
/// source articles' figures (see the file's comment). The commands run on the app's <see cref="DemoClock"/> set back
/// to the day and hour each step would have happened, so the deadlines are the commands' own and what is overdue
/// stays overdue. One transaction (a few thousand commands commit once). Seeded once, when the module is empty.
/// </summary>
internal sealed class VolunteeringDemoSeeder(IServiceScopeFactory scopes, ILogger<VolunteeringDemoSeeder> logger)
    : IDemoSeeder
{
    public const string FileName = "demo-volunteering.json";

    private const string CountSql =
        "SELECT (SELECT COUNT(*) FROM volunteer_demands) + (SELECT COUNT(*) FROM volunteer_teams)";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SeedAsync(string seedDirectory, CancellationToken cancellationToken)
    {
        var file = Path.Combine(seedDirectory, FileName);
        if (!File.Exists(file))
        {
            logger.LogWarning("No demo volunteering at {File}", file);
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (services.GetRequiredService<TimeProvider>() is not DemoClock clock)
        {
            // Without it every step would be dated now: nothing overdue, no hours served. A host that swaps the clock
            // (a test) wraps its own in a DemoClock to seed this module.
            logger.LogWarning("Demo volunteering skipped: the app's clock is not a DemoClock");
            return;
        }
        var db = services.GetRequiredService<DbSession>();
        if (await db.ExecuteScalarAsync<long>(CountSql, null, cancellationToken) > 0)
        {
            return;
        }
        var seed =
            JsonSerializer.Deserialize<VolunteeringDemoFile>(await File.ReadAllTextAsync(file, cancellationToken), Json)
            ?? throw new InvalidOperationException($"{file} is empty.");
        var watch = Stopwatch.StartNew();
        var run = new VolunteeringDemoRun(
            services.GetRequiredService<IMediator>(),
            services.GetRequiredService<IOrganizationDirectory>(),
            services.GetRequiredService<IMemberHardships>(),
            services.GetRequiredService<IMemberVolunteers>(),
            services.GetRequiredService<VolunteeringRuleSets>(),
            seed,
            await DemoDayAsync(clock, services.GetRequiredService<IWorkingCalendar>(), cancellationToken),
            clock.RealNow,
            logger
        );
        await db.BeginAsync(cancellationToken);
        try
        {
            await run.SeedAsync(cancellationToken);
        }
        finally
        {
            DemoClock.Set(null);
        }
        await db.CommitAsync(cancellationToken);
        var c = run.Counts;
        logger.LogInformation(
            "Seeded demo volunteering in {Seconds:0.0} s ({Commands} commands): {Teams} teams, {Volunteers} "
                + "volunteers, {Demands} demands ({Claimed} claimed, {Overdue} overdue), {Wishes} micro-wishes "
                + "({WishesDone} done), {Activities} activities, {Sessions} sign-ups, {Certificates} certificates",
            watch.Elapsed.TotalSeconds,
            c.Get("commands"),
            c.Get("teams"),
            c.Get("volunteers"),
            c.Get("demands"),
            c.Get("claimed"),
            c.Get("overdue"),
            c.Get("wishes"),
            c.Get("wishes done"),
            c.Get("activities"),
            c.Get("sign-ups"),
            c.Get("certificates")
        );
    }

    /// <summary>
    /// The last day the demo's history may reach: today, or a fortnight before the end of the working-day calendar
    /// when the new year's notice is not entered yet (a deadline counted into a year without a calendar is refused).
    /// </summary>
    private static async Task<DateOnly> DemoDayAsync(
        DemoClock clock,
        IWorkingCalendar calendar,
        CancellationToken cancellationToken
    )
    {
        var today = clock.Today();
        var covered = await calendar.LastDayCoveredAsync(cancellationToken);
        return covered is { } last && last.AddDays(-14) < today ? last.AddDays(-14) : today;
    }
}

/// <summary>How many of each kind the seed made, for its log line.</summary>
internal sealed class VolunteeringDemoCounts
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Add(string kind, int count = 1) => _counts[kind] = Get(kind) + count;

    public int Get(string kind) => _counts.GetValueOrDefault(kind);
}
