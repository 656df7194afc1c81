using System.Net;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Jiceng.Tests.Http;

/// <summary>
/// With every category at Trace (for every provider, and for the hosting category by name), a member search and a
/// reveal leave no trace of the query string or the body in any log line.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class LogPrivacyTests(DatabaseProvider provider) : ApiTest(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
            ["Logging:Jiceng.Tests.Support.CapturedLogs:LogLevel:Default"] = "Trace",
            ["Logging:Jiceng.Tests.Support.CapturedLogs:LogLevel:Microsoft.AspNetCore.Hosting"] = "Trace",
        };

    [Test]
    public async Task No_log_line_at_any_level_holds_a_search_term_or_a_reveal_reason()
    {
        Factory.Logs.Minimum = LogLevel.Trace;
        var searchMarker = "qmark" + Guid.NewGuid().ToString("N")[..10];
        var reasonMarker = "rmark" + Guid.NewGuid().ToString("N")[..10];
        var branch = (await CreateOrganization(Unique("日志党支部"))).Id();
        var member = await RegisterMember(NewMember.Full(branch, "日志党员", "1970-03-03", "2000-07-01", "2001-07-01"));
        var before = Factory.Logs.Entries.Count;

        await Json.Read(await Get($"/api/v1/members?q={searchMarker}&organizationId={branch}"), HttpStatusCode.OK);
        Assert.That(
            (await Get($"/api/v1/members/export?q={searchMarker}&format=Csv")).StatusCode,
            Is.EqualTo(HttpStatusCode.OK)
        );
        await Json.Problem(await Get($"/api/v1/members?page={searchMarker}"), HttpStatusCode.BadRequest, field: "page");
        await Json.Read(
            await Post(
                $"/api/v1/members/{member}/reveal",
                new { field = "IdNumber", reason = "核对材料 " + reasonMarker }
            ),
            HttpStatusCode.OK
        );
        await Json.Problem(
            await Post($"/api/v1/members/{member}/reveal", new { field = "Nonsense", reason = reasonMarker }),
            HttpStatusCode.BadRequest
        );

        var entries = Factory.Logs.Entries.ToList();
        Assert.Multiple(() =>
        {
            // The requests were logged (by route, at the levels asked for): the check is not vacuous.
            Assert.That(entries.Count - before, Is.GreaterThan(10));
            Assert.That(entries, Has.Some.Contains("Trace").Or.Some.Contains("Debug"));
            Assert.That(entries, Has.Some.Contains("/api/v1/members/{id:guid}/reveal"));
            Assert.That(entries.Where(e => e.Contains(searchMarker, StringComparison.Ordinal)), Is.Empty);
            Assert.That(entries.Where(e => e.Contains(reasonMarker, StringComparison.Ordinal)), Is.Empty);
        });
    }
}
