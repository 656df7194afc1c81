using Jiceng.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace Jiceng.Tests.Unit;

public sealed class PersonalDataTests
{
    private static PersonalDataProtector Protector(string currentKey = "k1") => new(Options.Create(new PersonalDataOptions
    {
        DataKeys = new Dictionary<string, string> { ["k1"] = Convert.ToBase64String(new byte[32]), ["k2"] = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()) },
        CurrentDataKeyId = currentKey,
        BlindIndexKey = Convert.ToBase64String(Enumerable.Repeat((byte)3, 32).ToArray()),
    }));

    [Test]
    public void Encryption_round_trips_names_its_key_and_never_repeats_a_ciphertext()
    {
        var protector = Protector();
        var first = protector.Encrypt("11010519491231002X");
        var second = protector.Encrypt("11010519491231002X");
        Assert.Multiple(() =>
        {
            Assert.That(first, Does.StartWith("k1:"));
            Assert.That(first, Is.Not.EqualTo(second));
            Assert.That(protector.Decrypt(first), Is.EqualTo("11010519491231002X"));
            Assert.That(first, Does.Not.Contain("1101051949"));
        });
    }

    [Test]
    public void Values_written_under_an_old_key_stay_readable_after_rotation()
    {
        var old = Protector("k1").Encrypt("13812345678");
        var rotated = Protector("k2");
        Assert.That(rotated.Encrypt("x"), Does.StartWith("k2:"));
        Assert.That(rotated.Decrypt(old), Is.EqualTo("13812345678"));
    }

    [Test]
    public void The_blind_index_is_deterministic_keyed_and_case_insensitive()
    {
        var protector = Protector();
        Assert.Multiple(() =>
        {
            Assert.That(protector.BlindIndex("11010519491231002x"), Is.EqualTo(protector.BlindIndex("11010519491231002X")));
            Assert.That(protector.BlindIndex("11010519491231002X"), Is.Not.EqualTo(protector.BlindIndex("110105194912310021")));
            Assert.That(protector.BlindIndex("11010519491231002X"), Has.Length.EqualTo(64));
        });
    }

    [TestCase("11010519491231002X", "110105********002X")]
    [TestCase("110105194912310021", "110105********0021")]
    [TestCase("1101051949", "**********")]
    public void Id_numbers_are_masked_to_region_and_last_four(string id, string masked) => Assert.That(PersonalDataMask.IdNumber(id), Is.EqualTo(masked));

    [Test]
    public void Phones_are_masked_to_the_first_three_and_last_four() => Assert.That(PersonalDataMask.Phone("13812345678"), Is.EqualTo("138****5678"));

    [TestCase("11010519491231002X", true)]
    [TestCase("11010519491231002x", true)]
    [TestCase("110105194912310021", false)]
    [TestCase("440524188001010014", true)]
    [TestCase("440524188001010015", false)]
    [TestCase("11010519490231002X", false)]
    [TestCase("1101051949123100", false)]
    [TestCase("A1010519491231002X", false)]
    public void Id_numbers_follow_gb_11643(string id, bool valid) => Assert.That(ChineseIdNumber.IsValid(id), Is.EqualTo(valid));

    [Test]
    public void Audit_changes_mask_personal_data_and_hide_passwords()
    {
        var described = AuditChanges.Describe(
            new { name = "张三", idNumber = "11010519491231002X", phone = "13812345678" },
            new { name = "张三丰", idNumber = "11010519491231002X", phone = "13912345678", password = "Secret-Password-1" });
        Assert.Multiple(() =>
        {
            Assert.That(described, Does.Contain("张三丰"));
            Assert.That(described, Does.Not.Contain("Secret-Password-1").And.Not.Contain("13912345678").And.Not.Contain("1101051949"));
            Assert.That(described, Does.Contain("139****5678"));
        });
    }
}
