using System.Net;
using System.Net.Http.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Members.Domain;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Http;

/// <summary>Required text means visible text: whitespace and invisible characters at either end do not count.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class InvisibleTextTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string SixZeroWidthSpaces = "\u200B\u200B\u200B\u200B\u200B\u200B";

    // Zero-width non-joiner and joiner, word joiner, BOM, soft hyphen, no-break and ideographic spaces,
    // a Hangul filler.
    private const string OtherInvisibles = "\u200C\u200D\u2060\uFEFF\u00AD\u00A0\u3000\u3164";

    private Task<Guid> CreateMember(Guid organizationId) =>
        RegisterMember(
            NewMember.Full(organizationId, "李建国", "1975-03-08", "2000-07-01", "2001-07-01") with
            {
                Phone = "13900001111",
                Education = "Bachelor",
            }
        );

    [TestCase(SixZeroWidthSpaces)]
    [TestCase(OtherInvisibles)]
    [TestCase("\u200B 看 \u200B")]
    public async Task A_reveal_reason_of_invisible_characters_is_400_on_reason(string reason)
    {
        var branch = await CreateOrganization(Unique("理由支部"));
        var member = await CreateMember(branch.Id());
        var reveal = await Post($"/api/v1/members/{member}/reveal", new { field = "IdNumber", reason });
        await Json.Problem(reveal, HttpStatusCode.BadRequest, field: "reason");
        var export = await Get(
            $"/api/v1/members/export?organizationId={branch.Id()}&revealReason=" + Uri.EscapeDataString(reason)
        );
        await Json.Problem(export, HttpStatusCode.BadRequest, field: "revealReason");
    }

    [Test]
    public async Task Names_of_only_invisible_characters_are_400_on_the_name()
    {
        var branch = await CreateOrganization(Unique("名称支部"));
        var organization = await Post(
            "/api/v1/organizations",
            new NewOrganization(SixZeroWidthSpaces, branch.Id(), "Branch", "Other")
        );
        await Json.Problem(organization, HttpStatusCode.BadRequest, field: "name");
        var member = await Post(
            "/api/v1/members",
            NewMember.Full(branch.Id(), OtherInvisibles, joinedOn: "2000-07-01", fullMemberOn: "2001-07-01") with
            {
                IdNumber = TestIdNumbers.For("1980-01-01", male: false),
            }
        );
        await Json.Problem(member, HttpStatusCode.BadRequest, field: "name");
        var user = await Post(
            "/api/v1/users",
            new NewUser(Unique("blank"), SixZeroWidthSpaces, "Blank-Name-Password-1", ["Viewer"])
        );
        await Json.Problem(user, HttpStatusCode.BadRequest, field: "displayName");
    }

    [Test]
    public async Task Text_is_stored_without_invisible_characters_around_it()
    {
        var name = Unique("支部");
        var created = await CreateOrganization("\u200B\uFEFF " + name + "\u3000\u200D");
        Assert.That(created.Str("name"), Is.EqualTo(name));
    }

    [Test]
    public async Task Passwords_are_taken_exactly_as_typed()
    {
        var username = Unique("padded");
        const string password = " Padded-Password-1\u200B";
        var created = await Post("/api/v1/users", new NewUser(username, "空格", password, ["Viewer"]));
        await Json.Read(created, HttpStatusCode.Created);
        var exact = await Anonymous.PostAsJsonAsync("/api/v1/auth/sign-in", new { username, password });
        var trimmed = await Anonymous.PostAsJsonAsync(
            "/api/v1/auth/sign-in",
            new { username, password = "Padded-Password-1" }
        );
        Assert.Multiple(() =>
        {
            Assert.That(exact.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(trimmed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public void Rules_and_spreadsheet_cells_measure_visible_text_whatever_the_source()
    {
        var overrideReason = new StepOverrideValidator().Validate(new StepOverride(SixZeroWidthSpaces + "好"));
        Assert.Multiple(() =>
        {
            Assert.That(overrideReason.IsValid, Is.False, "an override reason sent from code, not JSON");
            Assert.That(MemberSheets.Text(OtherInvisibles), Is.Null, "a spreadsheet cell");
            Assert.That(VisibleText.Trim("\u200B张\u200D三\uFEFF"), Is.EqualTo("张\u200D三"), "a joiner inside stays");
            Assert.That(VisibleText.Trim("\U000E0020a\U000E0020"), Is.EqualTo("a"), "format characters beyond the BMP");
        });
    }
}
