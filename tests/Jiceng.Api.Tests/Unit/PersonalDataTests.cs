using Jiceng.Infrastructure.Security;
using Jiceng.Tests.Support;
using Microsoft.Extensions.Options;

namespace Jiceng.Tests.Unit;

public sealed class PersonalDataTests
{
    private static PersonalDataProtector Protector(string currentKey = "k1") =>
        new(
            Options.Create(
                new PersonalDataOptions
                {
                    DataKeys = new Dictionary<string, string>
                    {
                        ["k1"] = Convert.ToBase64String(new byte[32]),
                        ["k2"] = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()),
                    },
                    CurrentDataKeyId = currentKey,
                    BlindIndexKey = Convert.ToBase64String(Enumerable.Repeat((byte)3, 32).ToArray()),
                }
            )
        );

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
            Assert.That(
                protector.BlindIndex("11010519491231002x"),
                Is.EqualTo(protector.BlindIndex("11010519491231002X"))
            );
            Assert.That(
                protector.BlindIndex("11010519491231002X"),
                Is.Not.EqualTo(protector.BlindIndex("110105194912310021"))
            );
            Assert.That(protector.BlindIndex("11010519491231002X"), Has.Length.EqualTo(64));
        });
    }

    [TestCase("11010519491231002X", "110105********002X")]
    [TestCase("110105194912310021", "110105********0021")]
    [TestCase("1101051949", "**********")]
    public void Id_numbers_are_masked_to_region_and_last_four(string id, string masked) =>
        Assert.That(PersonalDataMask.IdNumber(id), Is.EqualTo(masked));

    [Test]
    public void Phones_are_masked_to_the_first_three_and_last_four() =>
        Assert.That(PersonalDataMask.Phone("13812345678"), Is.EqualTo("138****5678"));

    [TestCase("张三", "张*")]
    [TestCase("  王小明 ", "王*明")]
    [TestCase("欧阳修文", "欧**文")]
    [TestCase("李", "*")]
    [TestCase("", "")]
    [TestCase(null, "")]
    public void Names_published_to_those_who_know_the_person_keep_first_and_last_character(
        string? name,
        string masked
    ) => Assert.That(PersonalDataMask.Name(name), Is.EqualTo(masked));

    [TestCase("王秀兰", "王**")]
    [TestCase("  王小明 ", "王**")]
    [TestCase("欧阳娜娜", "欧***")]
    [TestCase("欧阳娜娜娜", "欧***")]
    [TestCase("张三", "张*")]
    [TestCase("李", "*")]
    [TestCase("", "")]
    public void Names_in_staff_lists_keep_the_family_name_and_hide_the_length(string name, string masked) =>
        Assert.That(PersonalDataMask.FamilyName(name), Is.EqualTo(masked));

    [TestCase("11010519491231002X", true)]
    [TestCase("11010519491231002x", true)]
    [TestCase("110105194912310021", false)]
    [TestCase("440524188001010014", true)]
    [TestCase("440524188001010015", false)]
    [TestCase("11010519490231002X", false)]
    [TestCase("1101051949123100", false)]
    [TestCase("A1010519491231002X", false)]
    public void Id_numbers_follow_gb_11643(string id, bool valid) =>
        Assert.That(ChineseIdNumber.IsValid(id), Is.EqualTo(valid));

    // Numbers with a non-zero digit in every position (check character included), so a mistyped weight anywhere
    // changes the sum by digit × (wrong − right), never 0 mod 11 (11 is prime). Made by hand with real birth dates;
    // each check character was computed three ways: with the weight table on paper (the first: 4·7 + 3·9 + 2·10 +
    // 5·5 + 2·8 + 4·4 + 1·2 + 9·1 + 8·6 + 8·3 + 1·7 + 1·9 + 2·10 + 9·5 + 3·8 + 5·4 + 7·2 = 354, 354 mod 11 = 2 → X),
    // with a Python script of the table, and with the recursive ISO 7064 form in TestIdNumbers.CheckCharacter.
    private static readonly string[] NoZeroIdNumbers =
    [
        "43252419881129357X",
        "511122199312186912",
        "371323197911264582",
        "411323196712157838",
        "142622198811253678",
    ];

    [TestCaseSource(nameof(NoZeroIdNumbers))]
    public void Id_numbers_without_a_zero_digit_are_valid_and_only_with_their_own_check_character(string id)
    {
        Assert.That(id.Where(c => c != 'X'), Has.None.EqualTo('0'), "the reference number itself");
        Assert.Multiple(() =>
        {
            Assert.That(TestIdNumbers.CheckCharacter(id[..17]), Is.EqualTo(id[17]), "the independent computation");
            Assert.That(ChineseIdNumber.CheckCharacter(id[..17]), Is.EqualTo(id[17]));
            Assert.That(ChineseIdNumber.IsValid(id), Is.True);
            foreach (var other in "0123456789X".Where(c => c != id[17]))
            {
                Assert.That(ChineseIdNumber.IsValid(id[..17] + other), Is.False, $"{id[..17]}{other}");
            }
        });
    }

    [Test]
    public void The_independent_check_character_agrees_with_production_on_many_numbers()
    {
        var random = new Random(11643);
        for (var i = 0; i < 10_000; i++)
        {
            var first17 = string.Concat(Enumerable.Range(0, 17).Select(_ => (char)('0' + random.Next(10))));
            var expected = TestIdNumbers.CheckCharacter(first17);
            Assert.That(ChineseIdNumber.CheckCharacter(first17), Is.EqualTo(expected), first17);
        }
    }

    [Test]
    public void Every_mistyped_weight_would_fail_on_the_reference_numbers()
    {
        // The weights are 2^(17-i) mod 11; a production table with
        // any one of them wrong must disagree with some reference.
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        Assert.That(weights.Select((w, i) => (int)(Math.Pow(2, 17 - i) % 11)), Is.EqualTo(weights));
        static char With(int[] table, string first17) =>
            "10X98765432"[first17.Select((c, i) => (c - '0') * table[i]).Sum() % 11];
        for (var position = 0; position < 17; position++)
        {
            for (var wrong = 0; wrong <= 10; wrong++)
            {
                if (wrong == weights[position])
                {
                    continue;
                }
                var mistyped = (int[])weights.Clone();
                mistyped[position] = wrong;
                Assert.That(
                    NoZeroIdNumbers.All(id => With(mistyped, id[..17]) != id[17]),
                    Is.True,
                    $"weight {position + 1} typed as {wrong}"
                );
            }
        }
    }

    [Test]
    public void Audit_changes_mask_personal_data_and_hide_passwords()
    {
        var described = AuditChanges.Describe(
            new
            {
                name = "张三",
                idNumber = "11010519491231002X",
                phone = "13812345678",
            },
            new
            {
                name = "张三丰",
                idNumber = "11010519491231002X",
                phone = "13912345678",
                password = "Secret-Password-1",
            }
        );
        Assert.Multiple(() =>
        {
            Assert.That(described, Does.Contain("张三丰"));
            Assert.That(
                described,
                Does.Not.Contain("Secret-Password-1").And.Not.Contain("13912345678").And.Not.Contain("1101051949")
            );
            Assert.That(described, Does.Contain("139****5678"));
        });
    }
}
