using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Jiceng.Tests.Support;

/// <summary>The real API in memory, on a test database, with a clock the tests move.</summary>
public sealed class ApiFactory(
    TestDatabase database,
    IReadOnlyDictionary<string, string?> settings,
    Action<IServiceCollection>? services = null
) : WebApplicationFactory<Program>
{
    /// <summary>2026-06-15 10:00 in Shanghai: a fixed "now" so date rules are exact.</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 15, 2, 0, 0, TimeSpan.Zero);

    public TestClock Clock { get; } = new(Start);

    public CapturedLogs Logs { get; } = new();

    public const string AdminPassword = "Admin-Test-Password-1";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", database.ConnectionString);
        builder.UseSetting("RateLimiting:PermitLimit", "100000");
        builder.UseSetting("RateLimiting:SignInPermitLimit", "100000");
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting(
            "Security:KeyFile",
            Path.Combine(Path.GetTempPath(), "jiceng-tests", "keys-" + Guid.NewGuid().ToString("N") + ".json")
        );
        builder.UseSetting("Logging:LogLevel:Default", "Information");
        builder.UseSetting("Logging:LogLevel:Microsoft", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Logs));
        builder.ConfigureTestServices(collection =>
        {
            collection.RemoveAll<TimeProvider>();
            collection.AddSingleton<TimeProvider>(Clock);
            collection.AddSingleton<IStartupFilter, ResponseRecorder.StartupFilter>();
            services?.Invoke(collection);
        });
    }
}

/// <summary>A clock the tests set, forwards or back; only "now" matters to the API.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTimeOffset now) => _now = now;
}
