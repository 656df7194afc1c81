using System.Diagnostics;
using System.Text.Json;
using Jiceng.Infrastructure.Security;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jiceng.Infrastructure.Database;

/// <summary>
/// <c>--backup &lt;folder&gt;</c> and <c>--restore &lt;folder&gt;</c>: a consistent copy of the database taken while
/// the API serves (SQLite's online backup API; pg_dump's single snapshot on PostgreSQL) together with the
/// personal-data key file, without which no ID number in the copy could ever be revealed or looked up again. With
/// keys configured (<c>Security:DataKeys</c>) the folder says so instead: those keys are kept where configured.
/// </summary>
public static class DatabaseBackup
{
    public const string ManifestFile = "backup.json";
    public const string SqliteFile = "jiceng.db";
    public const string PostgresFile = "jiceng.dump";
    public const string KeyFileName = "jiceng-keys.json";

    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true };

    /// <summary>What a backup folder holds, written last: a folder without it is an unfinished backup.</summary>
    public sealed record Manifest(
        string Provider,
        DateTimeOffset TakenAt,
        string DatabaseFile,
        string? KeyFile,
        bool KeysConfigured,
        string Note
    );

    public static async Task BackupAsync(
        DatabaseOptions database,
        PersonalDataOptions keys,
        string folder,
        TextWriter log,
        CancellationToken cancel
    )
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new InvalidOperationException($"The backup folder {folder} is not empty; choose a new one.");
        }
        Directory.CreateDirectory(folder);
        string databaseFile;
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                databaseFile = SqliteFile;
                BackupSqlite(database.EffectiveConnectionString, Path.Combine(folder, databaseFile));
                break;
            case DatabaseProvider.Postgres:
                databaseFile = PostgresFile;
                await RunPostgresToolAsync(
                    "pg_dump",
                    database.EffectiveConnectionString,
                    ["--format=custom", "--no-owner", "--no-privileges", "--file", Path.Combine(folder, databaseFile)],
                    cancel
                );
                break;
            default:
                throw new NotSupportedException(
                    "Back up SQL Server with its own BACKUP DATABASE; keep the configured keys with it."
                );
        }

        var keysConfigured = KeysConfigured(keys);
        string? keyFile = null;
        if (!keysConfigured && File.Exists(Path.GetFullPath(keys.KeyFile)))
        {
            keyFile = KeyFileName;
            CopyPrivately(Path.GetFullPath(keys.KeyFile), Path.Combine(folder, keyFile));
        }
        var note =
            keysConfigured
                ? "Personal data is encrypted with the configured Security:DataKeys and Security:BlindIndexKey; "
                    + "restore only where the same keys are configured."
            : keyFile is null ? "No key file existed, so no personal data had been encrypted yet."
            : $"{KeyFileName} is the personal-data key file: keep it with the database, and as secret as it.";
        var manifest = new Manifest(
            database.Provider.ToString(),
            DateTimeOffset.UtcNow,
            databaseFile,
            keyFile,
            keysConfigured,
            note
        );
        await File.WriteAllTextAsync(
            Path.Combine(folder, ManifestFile),
            JsonSerializer.Serialize(manifest, ManifestJson),
            cancel
        );
        await log.WriteLineAsync($"Backed up the {database.Provider} database to {Path.GetFullPath(folder)}. {note}");
    }

    /// <summary>Replaces the configured database with the backup's (stop the API first); migrated at start.</summary>
    public static async Task RestoreAsync(
        DatabaseOptions database,
        PersonalDataOptions keys,
        string folder,
        TextWriter log,
        CancellationToken cancel
    )
    {
        var manifestPath = Path.Combine(folder, ManifestFile);
        if (!File.Exists(manifestPath))
        {
            throw new InvalidOperationException($"{folder} holds no {ManifestFile}: not a finished backup.");
        }
        var manifest = JsonSerializer.Deserialize<Manifest>(await File.ReadAllTextAsync(manifestPath, cancel))!;
        if (!string.Equals(manifest.Provider, database.Provider.ToString(), StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"The backup is of a {manifest.Provider} database; the configured provider is {database.Provider}."
            );
        }
        var keysConfigured = KeysConfigured(keys);
        if (!keysConfigured && manifest.KeyFile is null && manifest.KeysConfigured)
        {
            throw new InvalidOperationException(
                "The backup was taken with configured keys (Security:DataKeys, "
                    + "Security:BlindIndexKey); configure the same keys before restoring."
            );
        }

        var source = Path.Combine(folder, manifest.DatabaseFile);
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                RestoreSqlite(source, database.EffectiveConnectionString);
                break;
            case DatabaseProvider.Postgres:
                await RunPostgresToolAsync(
                    "pg_restore",
                    database.EffectiveConnectionString,
                    ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", source],
                    cancel
                );
                break;
            default:
                throw new NotSupportedException("Restore SQL Server with its own RESTORE DATABASE.");
        }

        if (manifest.KeyFile is not null && !keysConfigured)
        {
            var target = Path.GetFullPath(keys.KeyFile);
            var backupKeys = Path.Combine(folder, manifest.KeyFile);
            if (File.Exists(target) && !File.ReadAllBytes(target).AsSpan().SequenceEqual(File.ReadAllBytes(backupKeys)))
            {
                // Never destroy a key file: it may be the only way into some other copy of the data.
                var aside =
                    target
                    + ".before-restore-"
                    + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
                File.Move(target, aside);
                await log.WriteLineAsync($"The key file that was there is kept as {aside}.");
            }
            CopyPrivately(backupKeys, target);
        }
        else if (manifest.KeyFile is not null)
        {
            await log.WriteLineAsync(
                $"Keys are configured, so the backup's {manifest.KeyFile} was not installed: "
                    + "the configured keys must be the ones it holds."
            );
        }
        await log.WriteLineAsync(
            $"Restored the {database.Provider} database from {Path.GetFullPath(folder)} (taken {manifest.TakenAt:u})."
        );
    }

    private static bool KeysConfigured(PersonalDataOptions keys) =>
        keys.DataKeys.Count > 0 && !string.IsNullOrEmpty(keys.BlindIndexKey);

    private static void BackupSqlite(string connectionString, string file)
    {
        // ReadWrite, never Create: a mistyped path is an error, not a backup of a new empty database.
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        };
        if (!File.Exists(builder.DataSource))
        {
            throw new InvalidOperationException($"There is no database at {builder.DataSource}.");
        }
        using var source = new SqliteConnection(builder.ToString());
        using var target = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()
        );
        source.Open();
        target.Open();
        // One step over all pages under a read lock: a consistent snapshot while writers go on (WAL).
        source.BackupDatabase(target);
    }

    private static void RestoreSqlite(string backupFile, string connectionString)
    {
        var targetBuilder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
        var directory = Path.GetDirectoryName(Path.GetFullPath(targetBuilder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        using var source = new SqliteConnection(
            new SqliteConnectionStringBuilder
            {
                DataSource = backupFile,
                Mode = SqliteOpenMode.ReadWrite,
                Pooling = false,
            }.ToString()
        );
        using var target = new SqliteConnection(targetBuilder.ToString());
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }

    private static void CopyPrivately(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(to))!);
        File.Copy(from, to, overwrite: true);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(to, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>Runs pg_dump or pg_restore on the configured database; the password goes in the environment.</summary>
    private static async Task RunPostgresToolAsync(
        string tool,
        string connectionString,
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken
    )
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(FindPostgresTool(tool)) { RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.ArgumentList.Add("--dbname=" + connection.Database);
        SetIfPresent(start, "PGHOST", connection.Host);
        SetIfPresent(start, "PGPORT", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        SetIfPresent(start, "PGUSER", connection.Username);
        SetIfPresent(start, "PGPASSWORD", connection.Password);
        using var process =
            Process.Start(start) ?? throw new InvalidOperationException($"{tool} could not be started.");
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {errors.Trim()}");
        }
    }

    private static void SetIfPresent(ProcessStartInfo start, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            start.Environment[name] = value;
        }
    }

    /// <summary><c>PG_BIN</c>, else the newest /usr/lib/postgresql/*/bin (Debian), else the PATH.</summary>
    private static string FindPostgresTool(string tool)
    {
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } bin)
        {
            return Path.Combine(bin, tool);
        }
        const string Debian = "/usr/lib/postgresql";
        var installed = Directory.Exists(Debian)
            ? Directory
                .GetDirectories(Debian)
                .Select(d =>
                    (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0, Path: Path.Combine(d, "bin", tool))
                )
                .Where(c => File.Exists(c.Path))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Path)
                .FirstOrDefault()
            : null;
        return installed ?? tool;
    }
}
