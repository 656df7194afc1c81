using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.Extensions.Options;

namespace Jiceng.Modules.Volunteering.ReleaseStaleClaims;

/// <summary>Settings of the sweep that releases stale claims (section <c>Volunteering</c>).</summary>
internal sealed class StaleClaimSweepOptions
{
    /// <summary>How often claims left unstarted past their region's days go back to the pool; zero turns the sweep
    /// off (the coordinators' "release stale claims" button still works).</summary>
    public TimeSpan StaleClaimSweepInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// 接单超时退回 without a user: on an interval the system runs the same command as the coordinators' button, over the
/// whole tree, so each release is on the demand's timeline as the system's step. A failed sweep (a claimant who
/// started just then makes the whole sweep's transaction roll back) is logged and tried again at the next tick.
/// </summary>
internal sealed class StaleClaimSweep(
    IServiceScopeFactory scopes,
    IOptions<StaleClaimSweepOptions> options,
    ILogger<StaleClaimSweep> logger
) : BackgroundService
{
    /// <summary>One sweep as the system, in its own scope and transaction; answers what it released.</summary>
    public async Task<ReleasedClaims> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallerAccessor>().ActAsSystem();
        var released = await scope
            .ServiceProvider.GetRequiredService<IMediator>()
            .Send(new ReleaseStaleClaimsCommand(), cancellationToken);
        if (released.Released > 0)
        {
            logger.LogInformation("Released {Count} stale demand claims back to the pool", released.Released);
        }
        return released;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.StaleClaimSweepInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }
        // The real clock: the sweep is wall-clock housekeeping; what counts as stale is the TimeProvider's business.
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Releasing stale demand claims failed; trying again in {Interval}", interval);
            }
        }
    }
}

internal static class StaleClaimSweepSetup
{
    public static IServiceCollection AddStaleClaimSweep(this IServiceCollection services)
    {
        services.AddOptions<StaleClaimSweepOptions>().BindConfiguration("Volunteering");
        services.AddSingleton<StaleClaimSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<StaleClaimSweep>());
        return services;
    }
}
