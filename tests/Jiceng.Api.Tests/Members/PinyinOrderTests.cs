using System.Globalization;
using System.Net;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Members;

/// <summary>
/// Names sort by pinyin, as a Chinese user reads a list (何 he, 刘 liu, 孙 sun, 吴 wu, 周 zhou); by code point they
/// came out 何 刘 吴 周 孙. Each engine sorts with its own Chinese collation.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class PinyinOrderTests(DatabaseProvider provider) : ApiTest(provider)
{
    private static readonly string[] Pinyin = ["何", "刘", "孙", "吴", "周"];

    private static readonly string[] Surnames = ["周", "孙", "吴", "何", "刘"];

    private async Task<Guid> Branch(Guid? parentId = null, string prefix = "拼音排序党支部") =>
        (await CreateOrganization(Unique(prefix), parentId)).Id();

    private async Task Register(Guid branch, string name, int index) =>
        await RegisterMember(
            NewMember.Full(branch, name, $"198{index}-03-0{index + 1}", "2010-07-01", "2011-07-01") with
            {
                Education = "Bachelor",
            }
        );

    private async Task<string[]> Items(string url, string property = "name") =>
        (await Json.Read(await Get(url), HttpStatusCode.OK))
            .GetProperty("items")
            .EnumerateArray()
            .Select(m => m.Str(property))
            .ToArray();

    [Test]
    public async Task The_register_and_its_export_sort_names_by_pinyin()
    {
        var branch = await Branch();
        for (var i = 0; i < Surnames.Length; i++)
        {
            await Register(branch, Surnames[i] + "建国", i);
        }
        var expected = Pinyin.Select(s => s + "建国").ToArray();
        var bySort = await Items($"/api/v1/members?organizationId={branch}&sort=name");
        var byDefault = await Items($"/api/v1/members?organizationId={branch}");
        var descending = await Items($"/api/v1/members?organizationId={branch}&sort=-name");
        var csv = await (
            await Get($"/api/v1/members/export?organizationId={branch}&sort=name&format=Csv")
        ).Content.ReadAsStringAsync();
        var inFile = expected.OrderBy(n => csv.IndexOf(n, StringComparison.Ordinal)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(bySort, Is.EqualTo(expected), "sort=name");
            Assert.That(byDefault, Is.EqualTo(expected), "the default sort, tree then name");
            Assert.That(descending, Is.EqualTo(expected.Reverse()), "sort=-name");
            Assert.That(expected.All(n => csv.Contains(n, StringComparison.Ordinal)), Is.True, csv);
            Assert.That(inFile, Is.EqualTo(expected), "the export keeps the list's order");
        });
    }

    [Test]
    public async Task Organization_lists_sort_names_by_pinyin()
    {
        var parent = await Branch(prefix: "拼音排序上级党委");
        foreach (var surname in Surnames)
        {
            await CreateOrganization(surname + "家村党支部-" + Guid.NewGuid().ToString("N")[..4], parent);
        }
        var children = await Items($"/api/v1/organizations/{parent}/children?sort=name");
        var subtree = await Items($"/api/v1/organizations?within={parent}&depth=1&sort=name");
        Assert.Multiple(() =>
        {
            Assert.That(children.Select(n => n[..1]), Is.EqualTo(Pinyin), "a node's children");
            Assert.That(subtree.Select(n => n[..1]), Is.EqualTo(Pinyin), "the subtree list");
        });
    }

    [Test]
    public void The_sqlite_collation_compares_by_pinyin_with_icu()
    {
        Assert.That(CultureInfo.GetCultureInfo("zh-CN").CompareInfo.Name, Is.EqualTo("zh-CN"), "ICU is loaded");
        var sorted = Surnames.ToList();
        sorted.Sort(ChineseCollation.Compare);
        Assert.That(sorted, Is.EqualTo(Pinyin));
    }

    [Test]
    public void Every_dialect_renders_the_chinese_collation()
    {
        const string sql = "SELECT name FROM members ORDER BY name {collate-zh} ASC";
        Assert.Multiple(() =>
        {
            Assert.That(SqlDialect.Sqlite.Render(sql), Does.Contain("COLLATE zh_pinyin ASC"));
            Assert.That(SqlDialect.Postgres.Render(sql), Does.Contain("COLLATE zh_pinyin ASC"));
            Assert.That(SqlDialect.SqlServer.Render(sql), Does.Contain("COLLATE Chinese_PRC_CI_AS ASC"));
        });
    }
}

/// <summary>
/// The benchmark compares the member list with its bare twin, so the twin must sort as the list does: by tree, then
/// name by pinyin (it shares the register's sort whitelist and opens connections through the same factory).
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class BareTwinPinyinOrderTests(DatabaseProvider provider) : ApiTest(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Benchmark:BareTwins"] = "true" };

    [Test]
    public async Task The_member_list_bare_twin_sorts_names_by_pinyin_as_the_list_does()
    {
        var branch = (await CreateOrganization(Unique("基准拼音党支部"))).Id();
        string[] surnames = ["周", "孙", "吴", "何", "刘"];
        for (var i = 0; i < surnames.Length; i++)
        {
            await RegisterMember(
                NewMember.Full(
                    branch,
                    surnames[i] + "志强",
                    $"197{i}-05-0{i + 1}",
                    "2000-07-01",
                    "2001-07-01",
                    "Farmer"
                )
            );
        }
        async Task<string[]> Names(string url) =>
            (await Json.Read(await Get(url), HttpStatusCode.OK))
                .GetProperty("items")
                .EnumerateArray()
                .Select(m => m.Str("name"))
                .ToArray();
        var twin = await Names("/bench/bare/members?pageSize=20");
        var list = await Names("/api/v1/members?pageSize=20");
        Assert.Multiple(() =>
        {
            Assert.That(twin, Is.EqualTo(new[] { "何志强", "刘志强", "孙志强", "吴志强", "周志强" }));
            Assert.That(list, Is.EqualTo(twin));
        });
    }
}
