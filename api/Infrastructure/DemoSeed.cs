namespace Jiceng.Infrastructure;

/// <summary>
/// Loads a module's demo data on the first start of a demo run (<c>Demo:SeedDirectory</c>, set only by
/// scripts/run.sh). Each module reads its own file there and writes through its own commands.
/// </summary>
public interface IDemoSeeder
{
    Task SeedAsync(string seedDirectory, CancellationToken cancellationToken);
}
