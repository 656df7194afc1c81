using System.Text.Json;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Calendar.Contracts;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Members;

/// <summary>
/// Demo members for the demo tree (scripts/seed/demo-members.json), written through the module's own commands so
/// every rule checks them: in each branch four full members of ages and categories that fit the branch, and two
/// people on their way through the development pipeline (every stage present, some steps due, some overdue); then
/// 三会一课 for each branch, hardship entries, 双报到 and transfer letters in and out. Dates count back from the
/// app's clock, so the data stays in the past whatever year it is seeded. Seeded once, when the register is empty.
/// </summary>
internal sealed class MembersDemoSeeder(IServiceScopeFactory scopes, ILogger<MembersDemoSeeder> logger) : IDemoSeeder
{
    public const string FileName = "demo-members.json";

    private const string CountSql = "SELECT COUNT(*) FROM members";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Today, or the last day the working-day calendar covers when the new year's notice is not entered yet: the
    /// demo's notice periods end a few days before its day, and one reaching into a year without a calendar would be
    /// refused (calendar_year_missing), failing the first start of a fresh install every January.
    /// </summary>
    private static async Task<DateOnly> DemoDayAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var today = services.GetRequiredService<TimeProvider>().Today();
        var covered = await services.GetRequiredService<IWorkingCalendar>().LastDayCoveredAsync(cancellationToken);
        return covered is { } last && last < today ? last : today;
    }

    public async Task SeedAsync(string seedDirectory, CancellationToken cancellationToken)
    {
        var file = Path.Combine(seedDirectory, FileName);
        if (!File.Exists(file))
        {
            logger.LogWarning("No demo members at {File}", file);
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DbSession>();
        if (await db.ExecuteScalarAsync<long>(CountSql, null, cancellationToken) > 0)
        {
            return;
        }
        var seed =
            JsonSerializer.Deserialize<DemoMembersFile>(await File.ReadAllTextAsync(file, cancellationToken), Json)
            ?? throw new InvalidOperationException($"{file} is empty.");
        var run = new DemoMembersRun(
            services.GetRequiredService<IMediator>(),
            services.GetRequiredService<IOrganizationDirectory>(),
            services.GetRequiredService<MemberRuleSets>(),
            await DemoDayAsync(services, cancellationToken),
            logger
        );
        await db.BeginAsync(cancellationToken);
        await run.SeedAsync(seed, cancellationToken);
        await db.CommitAsync(cancellationToken);
        var c = run.Counts;
        logger.LogInformation(
            "Seeded {Members} demo members: {Full} full members, {Probationary} probationary members, "
                + "{Candidates} development candidates, {Activists} activists, {Applicants} applicants; "
                + "{Talks} talks, {Conversions} conversions, {Extensions} extensions, {Meetings} meetings, "
                + "{Transfers} transfer letters ({Received} received), {CommunityReports} community reports (双报到), "
                + "{Hardships} hardship entries",
            c.Get("members"),
            c.Get(nameof(MemberStage.Full)),
            c.Get(nameof(MemberStage.Probationary)),
            c.Get(nameof(MemberStage.Candidate)),
            c.Get(nameof(MemberStage.Activist)),
            c.Get(nameof(MemberStage.Applicant)),
            c.Get("talks"),
            c.Get("conversions"),
            c.Get("extensions"),
            c.Get("meetings"),
            c.Get("transfers"),
            c.Get("received"),
            c.Get("community reports"),
            c.Get("hardships")
        );
    }
}

/// <summary>How many of each kind the seed made, for its log line.</summary>
internal sealed class DemoCounts
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Add(string kind, int count = 1) => _counts[kind] = Get(kind) + count;

    public int Get(string kind) => _counts.GetValueOrDefault(kind);
}
