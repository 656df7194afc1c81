using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Jiceng.Tests.Http;

/// <summary>
/// The built server started as an operator would, from a folder that is not its own: the shipped appsettings.json
/// still applies (its JSON console lines), and with every category at Trace no log line holds a query string.
/// </summary>
[TestFixture]
public sealed class HostingTests
{
    [Test]
    public async Task Started_from_another_folder_the_server_reads_its_own_settings_and_logs_no_query_string()
    {
        var api = Path.Combine(AppContext.BaseDirectory, "Jiceng.Api.dll");
        var work = Directory.CreateTempSubdirectory("jiceng-hosting-").FullName;
        var port = FreePort();
        var marker = "qmark" + Guid.NewGuid().ToString("N")[..10];
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(api);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (
            var name in start
                .Environment.Keys.Where(k =>
                    k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
                    || k.StartsWith("Logging__", StringComparison.Ordinal)
                    || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)
                )
                .ToList()
        )
        {
            start.Environment.Remove(name);
        }
        start.Environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(work, "hosting.db")}";
        start.Environment["Security__KeyFile"] = Path.Combine(work, "keys.json");
        start.Environment["Logging__LogLevel__Default"] = "Trace";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Trace";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace";
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lines.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lines.Enqueue(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var ready = false;
            for (var attempt = 0; attempt < 120 && !ready && !process.HasExited; attempt++)
            {
                try
                {
                    ready = (await http.GetAsync("/health/ready")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(250);
                }
            }
            Assert.That(ready, Is.True, "the server started: " + string.Join("\n", lines.TakeLast(20)));
            var search = await http.GetAsync($"/api/v1/members?q={marker}");
            Assert.That(search.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            await Task.Delay(500);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(work, recursive: true);
        }

        var logged = lines.ToList();
        Assert.Multiple(() =>
        {
            Assert.That(logged, Has.Some.Contains("Now listening"), "the server logged");
            Assert.That(
                logged
                    .Where(l => l.StartsWith('{'))
                    .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("Category").GetString()),
                Has.Some.EqualTo("Microsoft.Hosting.Lifetime"),
                "appsettings.json's JSON console lines, so the shipped settings were read:\n"
                    + string.Join("\n", logged.Take(5))
            );
            Assert.That(logged.Where(l => l.Contains(marker, StringComparison.Ordinal)), Is.Empty);
        });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
