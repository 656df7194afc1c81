using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Architecture;

namespace Jiceng.Tests.Support;

/// <summary>
/// The whole demo (scripts/seed) seeded once per run and provider, on the tests' clock, for the fixtures that read
/// it as a user of scripts/run.sh finds it: each such fixture starts on a copy of its own. Seeding took 10 to 25
/// seconds on SQLite and 35 to 60 on PostgreSQL, and four fixtures did it each for themselves.
/// </summary>
public static class SeededDemo
{
    public static string SeedDirectory { get; } = Path.Combine(Paths.Repository, "scripts", "seed");

    private static readonly SemaphoreSlim Turn = new(1, 1);
    private static readonly Dictionary<DatabaseProvider, Seeded> ByProvider = [];

    /// <summary>What the first start wrote to the log as it seeded (e.g. how many of each it made).</summary>
    public static IReadOnlyCollection<string> SeedLog(DatabaseProvider provider) => ByProvider[provider].Log;

    /// <summary>
    /// A copy of the seeded demo, and the settings an API needs to start on it: its personal-data keys (the
    /// copy's fields are encrypted with them) and the seed directory (a restart with the demo on, as run.sh has it).
    /// </summary>
    public static async Task<(TestDatabase Database, IReadOnlyDictionary<string, string?> Settings)> CopyAsync(
        DatabaseProvider provider
    )
    {
        var seeded = await SeedOnceAsync(provider);
        var settings = new Dictionary<string, string?>
        {
            ["Demo:SeedDirectory"] = SeedDirectory,
            ["Security:KeyFile"] = seeded.KeyFile,
        };
        return (await TestDatabase.CopyOfAsync(seeded.Database), settings);
    }

    private static async Task<Seeded> SeedOnceAsync(DatabaseProvider provider)
    {
        await Turn.WaitAsync();
        try
        {
            if (!ByProvider.TryGetValue(provider, out var seeded))
            {
                var database = await TestDatabase.CreateMigratedAsync(provider);
                var keyFile = Path.Combine(Path.GetTempPath(), "jiceng-tests", "demo-keys-" + Guid.NewGuid() + ".json");
                var settings = new Dictionary<string, string?>
                {
                    ["Demo:SeedDirectory"] = SeedDirectory,
                    ["Security:KeyFile"] = keyFile,
                };
                // Starting the API seeds the demo before it serves; the first client waits for that.
                var factory = new ApiFactory(database, settings);
                factory.CreateClient().Dispose();
                var log = factory.Logs.Entries.ToArray();
                await factory.DisposeAsync();
                database.CloseConnections();
                seeded = new Seeded(database, keyFile, log);
                ByProvider[provider] = seeded;
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    database.DisposeAsync().AsTask().GetAwaiter().GetResult();
                    File.Delete(keyFile);
                };
            }
            return seeded;
        }
        finally
        {
            Turn.Release();
        }
    }

    private sealed record Seeded(TestDatabase Database, string KeyFile, IReadOnlyCollection<string> Log);
}
