namespace Jiceng.Infrastructure;

/// <summary>Start-up work a module needs after migrations (reference rows such as default rule sets).</summary>
public interface IModuleInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
