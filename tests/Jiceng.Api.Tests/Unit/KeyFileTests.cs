using Jiceng.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace Jiceng.Tests.Unit;

public sealed class KeyFileTests
{
    [Test]
    public void Processes_creating_the_key_file_at_once_all_end_with_the_same_keys()
    {
        const int Writers = 8;
        for (var round = 0; round < 20; round++)
        {
            var directory = Path.Combine(Path.GetTempPath(), "jiceng-tests", "keyfile-" + Guid.NewGuid().ToString("N"));
            var file = Path.Combine(directory, "keys.json");
            try
            {
                using var start = new Barrier(Writers);
                var results = new (PersonalDataProtector Protector, string Cipher, string Index)[Writers];
                var failures = new System.Collections.Concurrent.ConcurrentBag<Exception>();
                var threads = Enumerable
                    .Range(0, Writers)
                    .Select(i => new Thread(() =>
                    {
                        start.SignalAndWait();
                        try
                        {
                            // A separate protector per thread stands for a separate process reading the same folder.
                            var protector = Protector(file);
                            var index = protector.BlindIndex("110105194912310021");
                            results[i] = (protector, protector.Encrypt("value-" + i), index);
                        }
                        catch (Exception error)
                        {
                            // Reported as this test's failure, not as a crash of the test host.
                            failures.Add(error);
                        }
                    }))
                    .ToList();
                threads.ForEach(t => t.Start());
                threads.ForEach(t => t.Join());
                Assert.That(failures, Is.Empty, string.Join("\n", failures.Select(f => f.Message)));

                Assert.Multiple(() =>
                {
                    Assert.That(results.Select(r => r.Index).Distinct().Count(), Is.EqualTo(1), "one blind-index key");
                    for (var reader = 0; reader < Writers; reader++)
                    {
                        for (var writer = 0; writer < Writers; writer++)
                        {
                            var decrypted = results[reader].Protector.Decrypt(results[writer].Cipher);
                            Assert.That(decrypted, Is.EqualTo("value-" + writer));
                        }
                    }
                    Assert.That(Directory.GetFiles(directory), Is.EqualTo(new[] { file }), "no temp file left behind");
                });
                var reopened = Protector(file);
                Assert.That(reopened.Decrypt(results[0].Cipher), Is.EqualTo("value-0"), "the keys in use are on disk");
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static PersonalDataProtector Protector(string keyFile) =>
        new(Options.Create(new PersonalDataOptions { KeyFile = keyFile }));
}
