using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Domain;

namespace Jiceng.Tests.Unit;

public sealed class MoneyTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    [TestCase(0L, "0.00")]
    [TestCase(1L, "0.01")]
    [TestCase(108_500_000L, "1085000.00")]
    [TestCase(-250L, "-2.50")]
    public void Money_is_written_as_yuan_with_two_places(long fen, string json) =>
        Assert.That(JsonSerializer.Serialize(Money.FromFen(fen), Options), Is.EqualTo(json));

    [TestCase("12.34", 1234L)]
    [TestCase("0.1", 10L)]
    [TestCase("\"2259000\"", 225_900_000L)]
    public void Money_is_read_exactly(string json, long fen) =>
        Assert.That(JsonSerializer.Deserialize<Money>(json, Options).Fen, Is.EqualTo(fen));

    [TestCase("1.001")]
    [TestCase("\"abc\"")]
    [TestCase("true")]
    [TestCase("1e30")]
    public void Fractions_of_a_fen_and_non_amounts_are_refused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Money>(json, Options));

    [Test]
    public void Arithmetic_stays_exact_where_floating_point_would_not()
    {
        var sum = Money.FromYuan(0.1m) + Money.FromYuan(0.2m);
        Assert.That(sum, Is.EqualTo(Money.FromYuan(0.3m)));
        Assert.Throws<OverflowException>(() => _ = Money.FromFen(long.MaxValue) + Money.FromFen(1));
    }
}

public sealed class TreePathTests
{
    [Test]
    public void Segments_are_fixed_width_and_sort_in_creation_order()
    {
        var segments = new long[] { 1, 2, 31, 32, 33, 1023, 1024, 33_554_431 }
            .Select(TreePath.Segment)
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(segments, Has.All.Length.EqualTo(TreePath.SegmentLength));
            Assert.That(segments, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
            Assert.That(segments.Distinct().Count(), Is.EqualTo(segments.Count));
        });
    }

    [TestCase(0L)]
    [TestCase(33_554_432L)]
    public void Sequences_outside_a_segment_are_refused(long sequence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TreePath.Segment(sequence));

    [Test]
    public void A_subtree_range_holds_every_descendant_and_nothing_else()
    {
        var node = TreePath.Segment(5) + TreePath.Segment(7);
        var end = TreePath.SubtreeEnd(node);
        static bool Within(string p, string from, string to) =>
            string.CompareOrdinal(p, from) >= 0 && string.CompareOrdinal(p, to) < 0;
        Assert.Multiple(() =>
        {
            Assert.That(Within(node, node, end), Is.True);
            Assert.That(Within(node + TreePath.Segment(33_554_431), node, end), Is.True);
            Assert.That(Within(TreePath.Segment(5) + TreePath.Segment(8), node, end), Is.False);
            Assert.That(Within(TreePath.Segment(5), node, end), Is.False);
            Assert.That(
                TreePath.AncestorPaths(node + TreePath.Segment(1)),
                Is.EqualTo(new[] { TreePath.Segment(5), node })
            );
        });
    }
}

public sealed class ConventionUnitTests
{
    [TestCase("\"7\"", 7L)]
    [TestCase("W/\"7\"", 7L)]
    [TestCase(" \"12\" ", 12L)]
    public void If_match_reads_the_version(string header, long version) =>
        Assert.That(ETags.ParseIfMatch(header), Is.EqualTo(version));

    [Test]
    public void A_missing_if_match_is_428_and_a_foreign_one_is_412()
    {
        Assert.Throws<PreconditionRequiredException>(() => ETags.ParseIfMatch(null));
        Assert.Throws<PreconditionRequiredException>(() => ETags.ParseIfMatch(" "));
        Assert.Throws<PreconditionFailedException>(() => ETags.ParseIfMatch("\"abc\""));
        Assert.Throws<PreconditionFailedException>(() => ETags.ParseIfMatch("*"));
    }

    [TestCase("100%", "%100\\%%")]
    [TestCase("a_b", "%a\\_b%")]
    [TestCase("c:\\x", "%c:\\\\x%")]
    [TestCase("  ", null)]
    public void Like_patterns_escape_wildcards(string text, string? pattern) =>
        Assert.That(LikePattern.Contains(text), Is.EqualTo(pattern));

    [TestCase(2026, 6, 15, 15, 59, "2026-06-15")]
    [TestCase(2026, 6, 15, 16, 0, "2026-06-16")]
    [TestCase(2026, 12, 31, 16, 30, "2027-01-01")]
    public void Today_is_the_date_in_shanghai(int y, int m, int d, int h, int min, string expected)
    {
        var clock = new Support.TestClock(new DateTimeOffset(y, m, d, h, min, 0, TimeSpan.Zero));
        Assert.That(clock.Today().ToString("yyyy-MM-dd"), Is.EqualTo(expected));
    }

    [Test]
    public void Dialects_differ_only_where_the_engines_do()
    {
        const string sql = "SELECT a {cat} b FROM t WHERE x {in:ids} ORDER BY a {page}";
        Assert.Multiple(() =>
        {
            Assert.That(
                SqlDialect.Sqlite.Render(sql),
                Is.EqualTo("SELECT a || b FROM t WHERE x IN @ids ORDER BY a LIMIT @take OFFSET @skip")
            );
            Assert.That(
                SqlDialect.Postgres.Render(sql),
                Is.EqualTo("SELECT a || b FROM t WHERE x = ANY(@ids) ORDER BY a LIMIT @take OFFSET @skip")
            );
            Assert.That(
                SqlDialect.SqlServer.Render(sql),
                Is.EqualTo(
                    "SELECT a + b FROM t WHERE x IN @ids ORDER BY a OFFSET @skip ROWS FETCH NEXT @take ROWS ONLY"
                )
            );
        });
    }
}

public sealed class RuleSetDocumentTests
{
    private static OrganizationRuleSet Defaults => OrganizationRuleSection.Instance.Defaults;

    [Test]
    public void The_default_rule_set_is_valid_and_round_trips()
    {
        var composition = new RuleSetComposition([
            OrganizationRuleSection.Instance,
            MemberPipelineRuleSection.Instance,
        ]);
        var failures = composition.Validate(composition.Default, "").ToList();
        Assert.That(failures, Is.Empty, string.Join("; ", failures));
        var again = RuleSetDocument.FromJson(composition.Default.ToJson());
        Assert.That(composition.Effective(again).ToJson(), Is.EqualTo(composition.Default.ToJson()));
    }

    [TestCase(95, 5)]
    [TestCase(90, 5)]
    [TestCase(89, 4)]
    [TestCase(80, 4)]
    [TestCase(70, 3)]
    [TestCase(69, 0)]
    public void Stars_follow_the_110_point_scale(int score, int stars) =>
        Assert.That(Defaults.StarsFor(score), Is.EqualTo(stars));

    [Test]
    public void Lagging_codes_must_be_levels_of_the_set()
    {
        var broken = Defaults with { GradingLevels = Defaults.GradingLevels with { LaggingCodes = ["nonexistent"] } };
        Assert.That(
            new OrganizationRuleSetValidator().Validate(broken).Errors.Select(e => e.PropertyName),
            Does.Contain("GradingLevels.LaggingCodes")
        );
    }
}

public sealed class ListExportUnitTests
{
    [Test]
    public void More_rows_than_an_export_holds_is_409_export_too_large()
    {
        Assert.DoesNotThrow(() => ListExport.EnsureWithinLimit(PageRequest.MaxExportRows));
        var refused = Assert.Throws<BusinessRuleException>(() =>
            ListExport.EnsureWithinLimit(PageRequest.MaxExportRows + 1)
        )!;
        Assert.Multiple(() =>
        {
            Assert.That(refused.Code, Is.EqualTo("export_too_large"));
            Assert.That(refused.Details["max"], Is.EqualTo(PageRequest.MaxExportRows));
        });
    }

    [Test]
    public void An_empty_list_still_has_its_header_row()
    {
        var columns = new ExportColumn<string>[] { new("姓名", "Name", s => s), new("长度", "Length", s => s.Length) };
        var csv = System.Text.Encoding.UTF8.GetString(
            ListExport.Write(Array.Empty<string>(), columns, SpreadsheetFormat.Csv, "空")
        );
        var filled = System.Text.Encoding.UTF8.GetString(
            ListExport.Write(new[] { "张三" }, columns, SpreadsheetFormat.Csv, "名单")
        );
        Assert.Multiple(() =>
        {
            Assert.That(csv.Trim('\uFEFF', '\r', '\n'), Is.EqualTo("姓名,长度"));
            Assert.That(
                filled.Trim('\uFEFF', '\r', '\n').Replace("\r\n", "\n", StringComparison.Ordinal),
                Is.EqualTo("姓名,长度\n张三,2")
            );
        });
    }
}
