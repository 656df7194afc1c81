using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jiceng.Infrastructure.Database;

/// <summary>Ready means the database answers a trivial query within the request's time.</summary>
public sealed class DatabaseHealthCheck(DbConnectionFactory factory) : IHealthCheck
{
    private const string PingSql = "SELECT 1";

    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    )
    {
        try
        {
            await using var connection = await factory.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = PingSql;
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database is not reachable.");
        }
    }
}
