using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Accounts;
using Jiceng.Modules.Assistance;
using Jiceng.Modules.Calendar;
using Jiceng.Modules.Dividends;
using Jiceng.Modules.Members;
using Jiceng.Modules.Organizations;
using Jiceng.Modules.Volunteering;
using Microsoft.Extensions.Options;

// The content root is the application's folder, not the working directory, so the shipped appsettings.json
// (and its logging rules) apply wherever the server is started from. Relative data paths (data/jiceng.db, the key
// file, Spa:Root) still resolve against the working directory, as before.
var builder = WebApplication.CreateBuilder(
    new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory }
);

builder.AddInfrastructure();
builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.GenerateTypesAsInternal = true;
    // Order matters: reject bad input before opening a transaction; audit inside it, so a refused write leaves no row.
    options.PipelineBehaviors =
    [
        typeof(ValidationBehavior<,>),
        typeof(TransactionBehavior<,>),
        typeof(AuditBehavior<,>),
    ];
});
builder.Services.AddOrganizationsModule();
builder.Services.AddAccountsModule();
builder.Services.AddMembersModule();
builder.Services.AddCalendarModule();
builder.Services.AddVolunteeringModule();
builder.Services.AddDividendsModule();
builder.Services.AddAssistanceModule();

var app = builder.Build();

var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;

// Backup and restore run before migrations: a backup is of the database as it is, and a restored one is
// migrated at the next start.
var backupAt = Array.IndexOf(args, "--backup");
var restoreAt = Array.IndexOf(args, "--restore");
if (backupAt >= 0 || restoreAt >= 0)
{
    var restore = backupAt < 0;
    var at = restore ? restoreAt : backupAt;
    if (at + 1 >= args.Length)
    {
        await Console.Error.WriteLineAsync($"Usage: {args[at]} <folder>");
        Environment.ExitCode = 2;
        return;
    }
    var keys = app.Services.GetRequiredService<IOptions<PersonalDataOptions>>().Value;
    try
    {
        await (
            restore
                ? DatabaseBackup.RestoreAsync(database, keys, args[at + 1], Console.Out, CancellationToken.None)
                : DatabaseBackup.BackupAsync(database, keys, args[at + 1], Console.Out, CancellationToken.None)
        );
    }
    catch (Exception e) when (e is InvalidOperationException or NotSupportedException or IOException)
    {
        await Console.Error.WriteLineAsync(e.Message);
        Environment.ExitCode = 1;
    }
    return;
}
Migrator.MigrateUp(database);
if (args.Contains("--migrate"))
{
    Console.WriteLine($"Migrated the {database.Provider} database.");
    return;
}
foreach (var initializer in app.Services.GetServices<IModuleInitializer>())
{
    await initializer.InitializeAsync(CancellationToken.None);
}
if (app.Configuration["Demo:SeedDirectory"] is { Length: > 0 } seedDirectory)
{
    foreach (var seeder in app.Services.GetServices<IDemoSeeder>())
    {
        await seeder.SeedAsync(seedDirectory, CancellationToken.None);
    }
}

app.UseInfrastructure();
app.MapOrganizationsModule(app.Configuration);
app.MapAccountsModule();
app.MapMembersModule(app.Configuration);
app.MapCalendarModule();
app.MapVolunteeringModule();
app.MapDividendsModule();
app.MapAssistanceModule();
app.MapSpaFallback();

await app.RunAsync();

/// <summary>Entry point; public so the test host can start the API.</summary>
public partial class Program;
