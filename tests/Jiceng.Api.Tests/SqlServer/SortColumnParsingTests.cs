using System.Reflection;
using Jiceng.Infrastructure.Database;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Jiceng.Tests.SqlServer;

/// <summary>
/// The sort whitelists are SQL too (they fill a statement's ORDER BY): each key's expression, rendered for SQL
/// Server, is parsed as T-SQL, so a name sort's <c>COLLATE Chinese_PRC_CI_AS</c> is checked without a server.
/// </summary>
public sealed class SortColumnParsingTests
{
    private static IEnumerable<(string Owner, string Key, string Expression)> Whitelists() =>
        typeof(DbSession)
            .Assembly.GetTypes()
            .SelectMany(t =>
                t.GetFields(
                    BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly
                )
            )
            .Where(f =>
                f.Name == "SortColumns" && typeof(IReadOnlyDictionary<string, string>).IsAssignableFrom(f.FieldType)
            )
            .SelectMany(f =>
                ((IReadOnlyDictionary<string, string>)f.GetValue(null)!).Select(kv =>
                    (f.DeclaringType!.Name, kv.Key, kv.Value)
                )
            );

    [Test]
    public void Every_sort_expression_parses_as_tsql_and_names_sort_with_the_chinese_collation()
    {
        var whitelists = Whitelists().ToList();
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        Assert.Multiple(() =>
        {
            Assert.That(whitelists.Select(w => w.Owner).Distinct().Count(), Is.GreaterThan(8));
            foreach (var (owner, key, expression) in whitelists)
            {
                var sql = SqlDialect.SqlServer.Render("SELECT 1 AS x FROM t ORDER BY " + expression + " DESC, id ASC");
                parser.Parse(new StringReader(sql), out var errors);
                Assert.That(errors, Is.Empty, $"{owner}[{key}]: {sql}");
                if (key.EndsWith("name", StringComparison.OrdinalIgnoreCase))
                {
                    Assert.That(sql, Does.Contain("COLLATE Chinese_PRC_CI_AS"), $"{owner}[{key}] sorts by pinyin");
                }
            }
        });
    }
}
