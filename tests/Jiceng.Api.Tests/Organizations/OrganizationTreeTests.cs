using System.Net;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Organizations;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class OrganizationTreeTests(DatabaseProvider provider) : ApiTest(provider)
{
    [Test]
    public async Task Creating_a_child_returns_201_with_location_etag_ancestors_and_term_end()
    {
        var city = await CreateOrganization(Unique("鸡西市委"), kind: "Committee", field: "Government");
        var response = await Post(
            "/api/v1/organizations",
            new NewOrganization("虎林市委", city.Id(), "Committee", "Village") { TermStartedOn = "2024-03-01" }
        );
        var child = await Json.Read(response, HttpStatusCode.Created);

        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"/api/v1/organizations/{child.Id()}"));
            Assert.That(response.Headers.ETag!.Tag, Is.EqualTo("\"1\""));
            Assert.That(child.GetProperty("depth").GetInt32(), Is.EqualTo(1));
            Assert.That(child.GetProperty("regionRootId").GetGuid(), Is.EqualTo(city.Id()));
            Assert.That(child.GetProperty("ancestors")[0].Str("name"), Is.EqualTo(city.Str("name")));
            // Village committees serve five years (DOMAIN.md §1).
            Assert.That(child.Str("termEndsOn"), Is.EqualTo("2029-03-01"));
        });
    }

    [TestCase("""{"name":"","kind":"Branch","field":"Village"}""", "name")]
    [TestCase("""{"name":"   ","kind":"Branch","field":"Village"}""", "name")]
    [TestCase("""{"kind":"Branch","field":"Village"}""", "name")]
    [TestCase("""{"name":"a","field":"Village"}""", "kind")]
    [TestCase("""{"name":"a","kind":"NotAKind","field":"Village"}""", "kind")]
    [TestCase("""{"name":"a","kind":"Branch"}""", "field")]
    [TestCase("""{"name":"a","kind":"Branch","field":"Moon"}""", "field")]
    [TestCase(
        """{"name":"a","kind":"Branch","field":"Village","shortName":"""
            + "\"012345678901234567890123456789012345678901234567890\"}",
        "shortName"
    )]
    [TestCase(
        """{"name":"a","kind":"Branch","field":"Village","establishedOn":"2020-01-01","termStartedOn":"2019-01-01"}""",
        "termStartedOn"
    )]
    [TestCase("""{"name":"a","kind":"Branch","field":"Village","establishedOn":"not a date"}""", "establishedOn")]
    [TestCase("""{"name":"a","kind":"Branch","field":"Village","termStartedOn":"9999-06-01"}""", "termStartedOn")]
    [TestCase(
        """{"name":"a","kind":"Branch","field":"Village","parentId":"0195a8e4-0000-7000-8000-000000000000"}""",
        "parentId"
    )]
    [TestCase("""{"name":"a","kind":"Branch","field":"Village","isAdmin":true}""", "isAdmin")]
    public async Task Each_invalid_field_returns_400_naming_that_field(string body, string field)
    {
        var response = await SendRaw(HttpMethod.Post, "/api/v1/organizations", body);
        await Json.Problem(response, HttpStatusCode.BadRequest, field: field);
    }

    [Test]
    public async Task A_name_longer_than_100_characters_is_refused_on_name()
    {
        var response = await Post(
            "/api/v1/organizations",
            new NewOrganization(new string('党', 101), null, "Branch", "Village")
        );
        await Json.Problem(response, HttpStatusCode.BadRequest, field: "name");
    }

    [Test]
    public async Task Messages_are_chinese_by_default_and_english_on_request()
    {
        var chinese = await Json.Problem(
            await Post("/api/v1/organizations", new NewOrganization("", null, "Branch", "Village")),
            HttpStatusCode.BadRequest,
            field: "name"
        );
        var english = await Json.Problem(
            await Post("/api/v1/organizations", new NewOrganization("", null, "Branch", "Village"), language: "en-US"),
            HttpStatusCode.BadRequest,
            field: "name"
        );
        Assert.Multiple(() =>
        {
            Assert.That(chinese.GetProperty("errors").GetProperty("name")[0].GetString(), Does.Contain("不能为空"));
            Assert.That(
                english.GetProperty("errors").GetProperty("name")[0].GetString(),
                Does.Contain("must not be empty")
            );
        });
    }

    [Test]
    public async Task Updating_with_a_stale_etag_returns_412_and_changes_nothing()
    {
        var organization = await CreateOrganization(Unique("彩虹社区党委"), kind: "Committee");
        var url = $"/api/v1/organizations/{organization.Id()}";
        var first = await Put(
            url,
            new
            {
                name = "彩虹社区党委（新）",
                kind = "Committee",
                field = "UrbanCommunity",
            },
            "\"1\""
        );
        await Json.Read(first, HttpStatusCode.OK);
        Assert.That(first.Headers.ETag!.Tag, Is.EqualTo("\"2\""));

        var stale = await Put(
            url,
            new
            {
                name = "被覆盖的名字",
                kind = "Committee",
                field = "UrbanCommunity",
            },
            "\"1\""
        );
        await Json.Problem(stale, HttpStatusCode.PreconditionFailed);
        var (current, etag) = await GetWithETag(url);
        Assert.Multiple(() =>
        {
            Assert.That(current.Str("name"), Is.EqualTo("彩虹社区党委（新）"));
            Assert.That(etag, Is.EqualTo("\"2\""));
        });
    }

    [Test]
    public async Task Updating_without_if_match_returns_428_and_with_garbage_returns_412()
    {
        var organization = await CreateOrganization(Unique("辛寨子街道党工委"), kind: "WorkingCommittee");
        var url = $"/api/v1/organizations/{organization.Id()}";
        var body = new
        {
            name = "x",
            kind = "WorkingCommittee",
            field = "UrbanCommunity",
        };
        await Json.Problem(await Put(url, body, ifMatch: null), HttpStatusCode.PreconditionRequired);
        await Json.Problem(await Put(url, body, ifMatch: "\"abc\""), HttpStatusCode.PreconditionFailed);
    }

    [Test]
    public async Task Reading_or_updating_an_unknown_organization_returns_404()
    {
        var unknown = Guid.CreateVersion7();
        await Json.Problem(await Get($"/api/v1/organizations/{unknown}"), HttpStatusCode.NotFound);
        await Json.Problem(
            await Put(
                $"/api/v1/organizations/{unknown}",
                new
                {
                    name = "x",
                    kind = "Branch",
                    field = "Other",
                },
                "\"1\""
            ),
            HttpStatusCode.NotFound
        );
        await Json.Problem(await Get($"/api/v1/organizations/{unknown}/children"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Moving_under_itself_or_a_descendant_returns_409_move_creates_cycle()
    {
        var top = await CreateOrganization(Unique("甘井子区委"), kind: "Committee", field: "Government");
        var street = await CreateOrganization("大连湾街道党工委", top.Id(), "WorkingCommittee");
        var community = await CreateOrganization("大连湾社区党委", street.Id(), "Committee");

        var underDescendant = await Post(
            $"/api/v1/organizations/{top.Id()}/move",
            new { newParentId = community.Id() },
            ifMatch: "\"1\""
        );
        await Json.Problem(underDescendant, HttpStatusCode.Conflict, code: "move_creates_cycle");
        var underItself = await Post(
            $"/api/v1/organizations/{street.Id()}/move",
            new { newParentId = street.Id() },
            ifMatch: "\"1\""
        );
        await Json.Problem(underItself, HttpStatusCode.Conflict, code: "move_creates_cycle");

        var (after, _) = await GetWithETag($"/api/v1/organizations/{community.Id()}");
        Assert.That(after.GetProperty("parentId").GetGuid(), Is.EqualTo(street.Id()));
    }

    [Test]
    public async Task Subtree_results_are_right_after_a_move()
    {
        var regionA = await CreateOrganization(Unique("敦化市委"), kind: "Committee", field: "Government");
        var regionB = await CreateOrganization(
            Unique("鹤壁示范区党工委"),
            kind: "WorkingCommittee",
            field: "Government"
        );
        var town = await CreateOrganization("某镇党委", regionA.Id(), "Committee", "Village");
        var village = await CreateOrganization("某村党支部", town.Id(), "Branch", "Village");
        var group = await CreateOrganization("第一党小组所在支部", village.Id(), "Branch", "Village");

        var moved = await Post(
            $"/api/v1/organizations/{town.Id()}/move",
            new { newParentId = regionB.Id() },
            ifMatch: "\"1\""
        );
        var town2 = await Json.Read(moved, HttpStatusCode.OK);

        var statsA = await Json.Read(await Get($"/api/v1/organizations/{regionA.Id()}/stats"), HttpStatusCode.OK);
        var statsB = await Json.Read(await Get($"/api/v1/organizations/{regionB.Id()}/stats"), HttpStatusCode.OK);
        var withinB = await Json.Read(
            await Get($"/api/v1/organizations?within={regionB.Id()}&pageSize=50"),
            HttpStatusCode.OK
        );
        var (deepest, _) = await GetWithETag($"/api/v1/organizations/{group.Id()}");
        var childrenOfA = await Json.Read(
            await Get($"/api/v1/organizations/{regionA.Id()}/children"),
            HttpStatusCode.OK
        );

        Assert.Multiple(() =>
        {
            Assert.That(town2.GetProperty("parentId").GetGuid(), Is.EqualTo(regionB.Id()));
            Assert.That(moved.Headers.ETag!.Tag, Is.Not.EqualTo("\"1\""));
            Assert.That(statsA.GetProperty("activeOrganizations").GetInt64(), Is.EqualTo(1));
            Assert.That(statsB.GetProperty("activeOrganizations").GetInt64(), Is.EqualTo(4));
            Assert.That(withinB.GetProperty("total").GetInt64(), Is.EqualTo(4));
            Assert.That(withinB.GetProperty("items").EnumerateArray().Select(i => i.Id()), Does.Contain(group.Id()));
            Assert.That(deepest.GetProperty("depth").GetInt32(), Is.EqualTo(3));
            Assert.That(deepest.GetProperty("regionRootId").GetGuid(), Is.EqualTo(regionB.Id()));
            Assert.That(
                deepest.GetProperty("ancestors").EnumerateArray().Select(a => a.Id()),
                Is.EqualTo(new[] { regionB.Id(), town.Id(), village.Id() })
            );
            Assert.That(childrenOfA.GetProperty("total").GetInt64(), Is.EqualTo(0));
        });

        var staleMove = await Post(
            $"/api/v1/organizations/{town.Id()}/move",
            new { newParentId = regionA.Id() },
            ifMatch: "\"1\""
        );
        await Json.Problem(staleMove, HttpStatusCode.PreconditionFailed);
    }

    [Test]
    public async Task Dissolving_is_refused_while_children_are_active_and_soft_afterwards()
    {
        var parent = await CreateOrganization(Unique("密山市委"), kind: "Committee", field: "Government");
        var child = await CreateOrganization("某机关党支部", parent.Id(), "Branch", "Government");

        var refused = await Json.Problem(
            await Delete($"/api/v1/organizations/{parent.Id()}", "\"1\""),
            HttpStatusCode.Conflict,
            code: "has_active_children"
        );
        Assert.That(refused.GetProperty("activeChildren").GetInt32(), Is.EqualTo(1));

        var dissolvedChild = await Delete($"/api/v1/organizations/{child.Id()}", "\"1\"");
        Assert.That(dissolvedChild.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var (parentNow, parentETag) = await GetWithETag($"/api/v1/organizations/{parent.Id()}");
        Assert.That(
            (await Delete($"/api/v1/organizations/{parent.Id()}", parentETag)).StatusCode,
            Is.EqualTo(HttpStatusCode.NoContent)
        );

        var (childNow, childETag) = await GetWithETag($"/api/v1/organizations/{child.Id()}");
        Assert.Multiple(() =>
        {
            Assert.That(parentNow.GetProperty("activeChildCount").GetInt32(), Is.EqualTo(0));
            Assert.That(childNow.Str("status"), Is.EqualTo("Dissolved"));
            Assert.That(childNow.Str("dissolvedOn"), Is.EqualTo("2026-06-15"));
        });
        var editDissolved = await Put(
            $"/api/v1/organizations/{child.Id()}",
            new
            {
                name = "x",
                kind = "Branch",
                field = "Government",
            },
            childETag
        );
        await Json.Problem(editDissolved, HttpStatusCode.Conflict, code: "organization_dissolved");
        var createUnderDissolved = await Post(
            "/api/v1/organizations",
            new NewOrganization("x", child.Id(), "Branch", "Government")
        );
        await Json.Problem(createUnderDissolved, HttpStatusCode.Conflict, code: "organization_dissolved");

        var dissolvedList = await Json.Read(
            await Get($"/api/v1/organizations?within={parent.Id()}&status=Dissolved"),
            HttpStatusCode.OK
        );
        Assert.That(dissolvedList.GetProperty("total").GetInt64(), Is.EqualTo(2));
    }

    [Test]
    public async Task The_list_pages_sorts_filters_and_searches_within_a_subtree()
    {
        var root = await CreateOrganization(Unique("大庆市委"), kind: "Committee", field: "Government");
        var names = new[] { "丙党支部", "甲党支部", "乙党支部", "丁_100%党支部", "戊党总支" };
        foreach (var name in names)
        {
            await CreateOrganization(
                name,
                root.Id(),
                name.EndsWith("总支", StringComparison.Ordinal) ? "GeneralBranch" : "Branch",
                "Village"
            );
        }

        var page1 = await Json.Read(
            await Get($"/api/v1/organizations?within={root.Id()}&depth=1&pageSize=2&page=1&sort=name"),
            HttpStatusCode.OK
        );
        var page2 = await Json.Read(
            await Get($"/api/v1/organizations?within={root.Id()}&depth=1&pageSize=2&page=2&sort=name"),
            HttpStatusCode.OK
        );
        var ascendingAll = await Json.Read(
            await Get($"/api/v1/organizations?within={root.Id()}&depth=1&pageSize=5&sort=name"),
            HttpStatusCode.OK
        );
        var page3 = await Json.Read(
            await Get($"/api/v1/organizations?within={root.Id()}&depth=1&pageSize=2&page=3&sort=name"),
            HttpStatusCode.OK
        );
        var descending = await Json.Read(
            await Get($"/api/v1/organizations?within={root.Id()}&depth=1&pageSize=5&sort=-name"),
            HttpStatusCode.OK
        );
        var generalBranches = await Json.Read(
            await Get($"/api/v1/organizations?within={root.Id()}&kind=GeneralBranch"),
            HttpStatusCode.OK
        );
        var literalPercent = await Json.Read(
            await Get($"/api/v1/organizations?within={root.Id()}&q={Uri.EscapeDataString("_100%")}"),
            HttpStatusCode.OK
        );
        var noMatch = await Json.Read(
            await Get($"/api/v1/organizations?within={root.Id()}&q={Uri.EscapeDataString("%")}1"),
            HttpStatusCode.OK
        );

        Assert.Multiple(() =>
        {
            Assert.That(page1.GetProperty("total").GetInt64(), Is.EqualTo(5));
            Assert.That(page1.GetProperty("items").GetArrayLength(), Is.EqualTo(2));
            Assert.That(page1.GetProperty("pageSize").GetInt32(), Is.EqualTo(2));
            Assert.That(page3.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
            static List<string> Names(JsonElement page) =>
                page.GetProperty("items").EnumerateArray().Select(i => i.Str("name")).ToList();
            // Collation differs by engine, so the order is checked
            // against itself: pages partition it and -name reverses it.
            var ascending = Names(ascendingAll);
            Assert.That(Names(page1).Concat(Names(page2)).Concat(Names(page3)), Is.EqualTo(ascending));
            Assert.That(Names(descending), Is.EqualTo(Enumerable.Reverse(ascending)));
            Assert.That(ascending, Is.EquivalentTo(names));
            Assert.That(generalBranches.GetProperty("total").GetInt64(), Is.EqualTo(1));
            Assert.That(literalPercent.GetProperty("items")[0].Str("name"), Is.EqualTo("丁_100%党支部"));
            Assert.That(literalPercent.GetProperty("total").GetInt64(), Is.EqualTo(1));
            Assert.That(noMatch.GetProperty("total").GetInt64(), Is.EqualTo(0));
        });
    }

    [TestCase("pageSize=0", "pageSize")]
    [TestCase("pageSize=201", "pageSize")]
    [TestCase("page=0", "page")]
    [TestCase("page=abc", "page")]
    [TestCase("page=2147483647", "page")]
    [TestCase("sort=secret", "sort")]
    [TestCase("sort=name,-nope", "sort")]
    [TestCase("kind=Nope", "kind")]
    [TestCase("depth=-1", "depth")]
    public async Task Out_of_bounds_list_parameters_return_400_on_that_parameter(string query, string field)
    {
        await Json.Problem(await Get($"/api/v1/organizations?{query}"), HttpStatusCode.BadRequest, field: field);
    }

    [Test]
    public async Task The_largest_page_size_is_accepted()
    {
        var page = await Json.Read(await Get("/api/v1/organizations?pageSize=200"), HttpStatusCode.OK);
        Assert.That(page.GetProperty("pageSize").GetInt32(), Is.EqualTo(200));
    }

    [Test]
    public async Task Children_lists_only_direct_children_with_their_child_counts()
    {
        var root = await CreateOrganization(Unique("鸡东县委"), kind: "Committee", field: "Government");
        var town = await CreateOrganization("某镇党委", root.Id(), "Committee", "Village");
        await CreateOrganization("某村党支部", town.Id(), "Branch", "Village");
        await CreateOrganization("县直机关工委", root.Id(), "WorkingCommittee", "Government");

        var children = await Json.Read(
            await Get($"/api/v1/organizations/{root.Id()}/children?sort=tree"),
            HttpStatusCode.OK
        );
        var items = children.GetProperty("items").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => i.Str("name")), Is.EqualTo(new[] { "某镇党委", "县直机关工委" }));
            Assert.That(items[0].GetProperty("activeChildCount").GetInt32(), Is.EqualTo(1));
            Assert.That(items[1].GetProperty("activeChildCount").GetInt32(), Is.EqualTo(0));
        });
    }

    [Test]
    public async Task Statistics_count_by_kind_field_and_depth()
    {
        var root = await CreateOrganization(Unique("虎林市委"), kind: "Committee", field: "Government");
        await CreateOrganization("A村党支部", root.Id(), "Branch", "Village");
        await CreateOrganization("B村党支部", root.Id(), "Branch", "Village");
        await CreateOrganization("某非公企业联合党支部", root.Id(), "JointBranch", "PrivateEnterprise");

        var stats = await Json.Read(await Get($"/api/v1/organizations/{root.Id()}/stats"), HttpStatusCode.OK);
        static long Count(JsonElement list, string key) =>
            list.EnumerateArray().Where(i => i.Str("key") == key).Sum(i => i.GetProperty("count").GetInt64());
        Assert.Multiple(() =>
        {
            Assert.That(stats.GetProperty("activeOrganizations").GetInt64(), Is.EqualTo(4));
            Assert.That(Count(stats.GetProperty("byKind"), "Branch"), Is.EqualTo(2));
            Assert.That(Count(stats.GetProperty("byKind"), "JointBranch"), Is.EqualTo(1));
            Assert.That(Count(stats.GetProperty("byField"), "Village"), Is.EqualTo(2));
            Assert.That(Count(stats.GetProperty("byDepth"), "1"), Is.EqualTo(3));
            Assert.That(stats.GetProperty("ungraded").GetInt64(), Is.EqualTo(4));
        });
    }
}
