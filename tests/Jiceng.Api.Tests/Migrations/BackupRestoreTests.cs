using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jiceng.Tests.Migrations;

/// <summary>
/// The backup command's work (SQLite's online backup, pg_dump on PostgreSQL) while members are being registered,
/// restored into an empty database with the key file it carries, then served by a new API instance.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class BackupRestoreTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string RevealsPerHour = "100000";

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Security:RevealsPerHour"] = RevealsPerHour };

    [Test]
    public async Task A_backup_taken_while_writes_run_restores_every_acknowledged_member_with_readable_personal_data()
    {
        var branch = await CreateOrganization(Unique("备份演练支部"));
        var acknowledged = new ConcurrentQueue<(Guid Id, string IdNumber, string Phone)>();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var idNumber = TestIdNumbers.For("1980-01-01", male: i % 2 == 0);
                var phone = "139" + (20000000 + i).ToString(CultureInfo.InvariantCulture);
                var response = await Post(
                    "/api/v1/members",
                    NewMember.Full(branch.Id(), "备份" + i) with
                    {
                        IdNumber = idNumber,
                        Phone = phone,
                        Education = "Bachelor",
                    }
                );
                acknowledged.Enqueue(((await Json.Read(response, HttpStatusCode.Created)).Id(), idNumber, phone));
            }
        });
        var folder = TempPath("backup-");
        var keyFile = TempPath("restored-keys-") + ".json";
        try
        {
            while (acknowledged.Count < 5 && !writer.IsCompleted)
            {
                await Task.Delay(20);
            }
            var beforeBackup = acknowledged.ToArray();
            await DatabaseBackup.BackupAsync(
                Setting<DatabaseOptions>(),
                Setting<PersonalDataOptions>(),
                folder,
                TextWriter.Null,
                CancellationToken.None
            );
            var afterBackup = acknowledged.Count;
            while (acknowledged.Count < afterBackup + 3 && !writer.IsCompleted)
            {
                await Task.Delay(20);
            }
            await stop.CancelAsync();
            await writer;
            var everyAcknowledged = acknowledged.Select(a => a.Id).ToHashSet();

            await using var restoredDatabase = await TestDatabase.CreateAsync(Provider);
            var target = new DatabaseOptions
            {
                Provider = Provider,
                ConnectionString = restoredDatabase.ConnectionString,
            };
            await DatabaseBackup.RestoreAsync(
                target,
                new PersonalDataOptions { KeyFile = keyFile },
                folder,
                TextWriter.Null,
                CancellationToken.None
            );
            Assert.That(File.Exists(keyFile), Is.True, "the backup carried the key file");

            await using var restored = new ApiFactory(
                restoredDatabase,
                new Dictionary<string, string?>
                {
                    ["Security:KeyFile"] = keyFile,
                    ["Security:RevealsPerHour"] = RevealsPerHour,
                }
            );
            using var client = restored.CreateClient();
            var signIn = await client.PostAsJsonAsync(
                "/api/v1/auth/sign-in",
                new { username = "admin", password = ApiFactory.AdminPassword }
            );
            Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

            var list = await Json.Read(
                await client.GetAsync($"/api/v1/members?organizationId={branch.Id()}&pageSize=200"),
                HttpStatusCode.OK
            );
            var restoredIds = list.GetProperty("items").EnumerateArray().Select(m => m.Id()).ToList();
            await TestContext.Out.WriteLineAsync(
                $"{beforeBackup.Length} acknowledged before the backup, "
                    + $"{afterBackup} when it ended, {acknowledged.Count} in all; {restoredIds.Count} restored"
            );
            Assert.Multiple(() =>
            {
                Assert.That(restoredIds, Is.SupersetOf(beforeBackup.Select(a => a.Id)), "all acknowledged before");
                Assert.That(everyAcknowledged, Is.SupersetOf(restoredIds), "nothing but acknowledged members");
            });
            foreach (var (id, idNumber, phone) in acknowledged.Where(a => restoredIds.Contains(a.Id)))
            {
                var url = $"/api/v1/members/{id}/reveal";
                var revealedId = await Json.Read(
                    await client.PostAsJsonAsync(url, new { field = "IdNumber", reason = "恢复后核对身份信息" }),
                    HttpStatusCode.OK
                );
                var revealedPhone = await Json.Read(
                    await client.PostAsJsonAsync(url, new { field = "Phone", reason = "恢复后核对联系方式" }),
                    HttpStatusCode.OK
                );
                var found = await Json.Read(
                    await client.PostAsJsonAsync("/api/v1/members/lookup", new { idNumber }),
                    HttpStatusCode.OK
                );
                Assert.Multiple(() =>
                {
                    Assert.That(revealedId.Str("value"), Is.EqualTo(idNumber));
                    Assert.That(revealedPhone.Str("value"), Is.EqualTo(phone));
                    Assert.That(found.Id(), Is.EqualTo(id), "the blind index finds the member");
                });
            }
        }
        finally
        {
            await stop.CancelAsync();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
            File.Delete(keyFile);
        }
    }

    [Test]
    public void A_backup_is_not_written_over_another_and_a_folder_without_a_manifest_is_not_restored()
    {
        var folder = TempPath("backup-");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "other.txt"), "x");
        try
        {
            var database = Setting<DatabaseOptions>();
            var keys = Setting<PersonalDataOptions>();
            Assert.ThrowsAsync<InvalidOperationException>(() =>
                DatabaseBackup.BackupAsync(database, keys, folder, TextWriter.Null, CancellationToken.None)
            );
            Assert.ThrowsAsync<InvalidOperationException>(() =>
                DatabaseBackup.RestoreAsync(database, keys, folder, TextWriter.Null, CancellationToken.None)
            );
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private T Setting<T>()
        where T : class => Factory.Services.GetRequiredService<IOptions<T>>().Value;

    private static string TempPath(string prefix) =>
        Path.Combine(Path.GetTempPath(), "jiceng-tests", prefix + Guid.NewGuid().ToString("N"));
}
