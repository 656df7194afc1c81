using CsCheck;
using Jiceng.Modules.Dividends.Domain;

namespace Jiceng.Tests.Unit;

public sealed class PayoutEngineTests
{
    private static readonly string[] Types = ["population", "labour", "capital"];

    // Shares to two places and weights to one keep the test's own arithmetic in whole numbers (×100, ×10).
    private static readonly Gen<PayoutRecipient> RecipientGen = Gen.Select(
        Gen.Guid,
        Gen.Guid,
        Gen.Int[0, 2000].Array[Types.Length],
        (person, household, hundredths) =>
            new PayoutRecipient(
                person,
                household,
                Types.Select((t, i) => (t, hundredths[i])).ToDictionary(x => x.t, x => x.Item2 / 100m)
            )
    );

    private static readonly Gen<(long Pool, int[] Tenths, List<PayoutRecipient> Recipients, int Seed)> CaseGen =
        Gen.Select(Gen.Long[0, 50_000_000_000], Gen.Int[0, 30].Array[Types.Length], RecipientGen.List[1, 60], Gen.Int)
            .Where(c => Units(c.Item3, c.Item2).Any(u => u > 0));

    private static List<Int128> Units(IEnumerable<PayoutRecipient> recipients, int[] tenths) =>
        recipients
            .Select(r => Types.Select((t, i) => (Int128)(r.Shares[t] * 100m) * tenths[i]).Aggregate((a, b) => a + b))
            .ToList();

    private static PayoutPart ByShares(long pool, int[] tenths, IReadOnlyList<PayoutRecipient> recipients) =>
        new(
            "dividend",
            PayoutMethod.ByShares,
            PayeeUnit.Person,
            pool,
            0,
            Types.Select((t, i) => (t, tenths[i])).ToDictionary(x => x.t, x => x.Item2 / 10m),
            recipients
        );

    [Test]
    public void Random_by_share_payouts_sum_to_the_pool_exactly() =>
        CaseGen.Sample(c =>
        {
            var result = PayoutEngine.ComputePart(ByShares(c.Pool, c.Tenths, c.Recipients));
            Assert.That(result.TotalFen, Is.EqualTo(c.Pool));
            Assert.That(result.Lines.Sum(l => l.AmountFen), Is.EqualTo(c.Pool));
        });

    [Test]
    public void Each_random_payout_is_within_one_fen_of_its_exact_share() =>
        CaseGen.Sample(c =>
        {
            var units = Units(c.Recipients, c.Tenths);
            var total = units.Aggregate((a, b) => a + b);
            var result = PayoutEngine.ComputePart(ByShares(c.Pool, c.Tenths, c.Recipients));
            foreach (var (recipient, u) in c.Recipients.Zip(units))
            {
                var line = result.Lines.Single(l => l.PayeeId == recipient.PersonId);
                // |amount − pool × u / total| < 1  ⇔  |amount × total − pool × u| < total
                var difference = (Int128)line.AmountFen * total - (Int128)c.Pool * u;
                Assert.That(difference > -total && difference < total, Is.True, line.Explain());
                Assert.That(line.RemainderFen, Is.InRange(0, 1));
                Assert.That(line.AmountFen, Is.EqualTo(line.BaseFen + line.RemainderFen));
            }
        });

    [Test]
    public void Random_payouts_do_not_depend_on_the_order_of_the_recipients() =>
        CaseGen.Sample(c =>
        {
            var shuffled = c.Recipients.ToList();
            var random = new Random(c.Seed);
            for (var i = shuffled.Count - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
            }
            var first = PayoutEngine.ComputePart(ByShares(c.Pool, c.Tenths, c.Recipients));
            var second = PayoutEngine.ComputePart(ByShares(c.Pool, c.Tenths, shuffled));
            Assert.That(second.Lines, Is.EqualTo(first.Lines));
        });

    [Test]
    public void Random_per_share_payouts_are_within_one_fen_of_amount_times_shares() =>
        Gen.Select(Gen.Long[0, 100_000], RecipientGen.List[1, 60])
            .Sample(
                (amount, recipients) =>
                {
                    var part = new PayoutPart(
                        "per-share",
                        PayoutMethod.PerShare,
                        PayeeUnit.Person,
                        0,
                        amount,
                        new Dictionary<string, decimal>(),
                        recipients
                    );
                    var result = PayoutEngine.ComputePart(part);
                    var exactTotal = recipients.Sum(r => r.Shares.Values.Sum()) * amount;
                    Assert.That(result.PoolFen, Is.EqualTo((long)decimal.Floor(exactTotal)));
                    Assert.That(result.TotalFen, Is.EqualTo(result.PoolFen));
                    foreach (var r in recipients)
                    {
                        var exact = r.Shares.Values.Sum() * amount;
                        var paid = result.Lines.Single(l => l.PayeeId == r.PersonId).AmountFen;
                        Assert.That(Math.Abs(paid - exact), Is.LessThan(1m));
                    }
                }
            );

    [Test]
    public void Three_fen_over_three_equal_holders_is_one_each_and_two_fen_go_to_the_smallest_ids()
    {
        var ids = new[] { Id(3), Id(1), Id(2) };
        var recipients = ids.Select(id => Holder(id, 1m)).ToList();

        var three = PayoutEngine.ComputePart(ByShares(3, [10, 0, 0], recipients));
        var two = PayoutEngine.ComputePart(ByShares(2, [10, 0, 0], recipients));

        Assert.Multiple(() =>
        {
            Assert.That(three.Lines.Select(l => l.AmountFen), Is.EqualTo(new long[] { 1, 1, 1 }));
            Assert.That(three.Lines.All(l => l.RemainderFen == 0), Is.True);
            Assert.That(
                two.Lines.Select(l => (l.PayeeId, l.AmountFen)),
                Is.EqualTo(new[] { (Id(1), 1L), (Id(2), 1L), (Id(3), 0L) })
            );
            Assert.That(two.Lines.Select(l => l.RemainderFen), Is.EqualTo(new long[] { 1, 1, 0 }));
        });
    }

    [Test]
    public void The_largest_remainder_wins_the_leftover_fen_before_a_smaller_id()
    {
        // 10 分 over shares 1 and 2: exact 3.33 and 6.67; floors 3 + 6 = 9; the larger remainder (.67) takes it.
        var recipients = new[] { Holder(Id(1), 1m), Holder(Id(2), 2m) };

        var result = PayoutEngine.ComputePart(ByShares(10, [10, 0, 0], recipients));

        Assert.Multiple(() =>
        {
            Assert.That(result.Lines.Select(l => l.AmountFen), Is.EqualTo(new long[] { 3, 7 }));
            Assert.That(result.Lines[1].BaseFen, Is.EqualTo(6));
            Assert.That(result.Lines[1].RemainderFen, Is.EqualTo(1));
            Assert.That(result.Lines[1].Explain(), Is.EqualTo("2 × 3.333333 = 6.666666 → 6 + 1 = 7"));
        });
    }

    [Test]
    public void Weights_count_per_share_type()
    {
        // Population shares weigh 1, labour-age shares 0.5: 2 + 0.5×2 = 3 against 1 → 300 and 100 of 400.
        var a = new PayoutRecipient(Id(1), Id(10), Shares(2m, 2m, 0m));
        var b = new PayoutRecipient(Id(2), Id(11), Shares(1m, 0m, 0m));

        var result = PayoutEngine.ComputePart(ByShares(400, [10, 5, 0], [a, b]));

        Assert.That(result.Lines.Select(l => l.AmountFen), Is.EqualTo(new long[] { 300, 100 }));
        Assert.That(result.Lines[0].Units, Is.EqualTo(3m));
    }

    [Test]
    public void Sanhai_pays_700_yuan_a_head_and_400_yuan_pension_in_one_plan()
    {
        var members = Enumerable.Range(1, 1550).Select(i => Holder(Id(i), 1m)).ToList();
        var pensioners = members.Take(398).ToList();
        var parts = new[]
        {
            new PayoutPart("dividend", PayoutMethod.PerPerson, PayeeUnit.Person, 0, 70_000, NoWeights, members),
            new PayoutPart("pension", PayoutMethod.PerPerson, PayeeUnit.Person, 0, 40_000, NoWeights, pensioners),
        };

        var result = PayoutEngine.Compute(parts);

        Assert.Multiple(() =>
        {
            Assert.That(result[0].PoolFen, Is.EqualTo(108_500_000), "1,085,000 yuan");
            Assert.That(result[0].TotalFen, Is.EqualTo(108_500_000));
            Assert.That(result[0].Lines, Has.Count.EqualTo(1550));
            Assert.That(result[1].PoolFen, Is.EqualTo(15_920_000), "159,200 yuan");
            Assert.That(result[1].Lines.All(l => l.AmountFen == 40_000 && l.RemainderFen == 0), Is.True);
        });
    }

    [Test]
    public void A_per_household_amount_pays_each_household_once()
    {
        var household = Id(100);
        var recipients = new[]
        {
            new PayoutRecipient(Id(1), household, Shares(1m, 0m, 0m)),
            new PayoutRecipient(Id(2), household, Shares(1m, 0m, 0m)),
            new PayoutRecipient(Id(3), Id(101), Shares(1m, 0m, 0m)),
        };
        var part = new PayoutPart(
            "house",
            PayoutMethod.PerHousehold,
            PayeeUnit.Household,
            0,
            50_000,
            NoWeights,
            recipients
        );

        var result = PayoutEngine.ComputePart(part);

        Assert.That(
            result.Lines.Select(l => (l.PayeeId, l.AmountFen)),
            Is.EqualTo(new[] { (household, 50_000L), (Id(101), 50_000L) })
        );
        Assert.That(result.PoolFen, Is.EqualTo(100_000));
    }

    [Test]
    public void Shares_paid_by_household_add_up_the_members_shares()
    {
        var recipients = new[]
        {
            new PayoutRecipient(Id(1), Id(100), Shares(1m, 0m, 0m)),
            new PayoutRecipient(Id(2), Id(100), Shares(1m, 0m, 0m)),
            new PayoutRecipient(Id(3), Id(101), Shares(1m, 0m, 0m)),
        };
        var part = ByShares(300, [10, 0, 0], recipients) with { Unit = PayeeUnit.Household };

        var result = PayoutEngine.ComputePart(part);

        Assert.That(
            result.Lines.Select(l => (l.PayeeId, l.AmountFen)),
            Is.EqualTo(new[] { (Id(100), 200L), (Id(101), 100L) })
        );
    }

    [Test]
    public void A_zero_pool_pays_zero_to_everyone_and_no_shares_with_a_pool_is_refused()
    {
        var recipients = new[] { Holder(Id(1), 1m), Holder(Id(2), 0m) };

        var zero = PayoutEngine.ComputePart(ByShares(0, [10, 0, 0], recipients));

        Assert.That(zero.Lines.Select(l => l.AmountFen), Is.EqualTo(new long[] { 0, 0 }));
        Assert.That(() => PayoutEngine.ComputePart(ByShares(1, [0, 0, 0], recipients)), Throws.ArgumentException);
    }

    [Test]
    public void One_fen_less_than_the_holders_goes_to_all_but_the_largest_id()
    {
        var recipients = Enumerable.Range(1, 5).Select(i => Holder(Id(i), 1m)).ToList();

        var result = PayoutEngine.ComputePart(ByShares(4, [10, 0, 0], recipients));

        Assert.That(result.Lines.Select(l => l.AmountFen), Is.EqualTo(new long[] { 1, 1, 1, 1, 0 }));
    }

    [Test]
    public void Refuses_the_same_person_twice_negative_amounts_and_too_many_decimals()
    {
        Assert.Multiple(() =>
        {
            Assert.That(
                () => PayoutEngine.ComputePart(ByShares(10, [10, 0, 0], [Holder(Id(1), 1m), Holder(Id(1), 2m)])),
                Throws.ArgumentException
            );
            Assert.That(
                () => PayoutEngine.ComputePart(ByShares(-1, [10, 0, 0], [Holder(Id(1), 1m)])),
                Throws.ArgumentException
            );
            Assert.That(
                () => PayoutEngine.ComputePart(ByShares(10, [10, 0, 0], [Holder(Id(1), 1.00001m)])),
                Throws.ArgumentException
            );
        });
    }

    [Test]
    public void A_large_pool_over_many_holders_stays_exact()
    {
        var recipients = Enumerable.Range(1, 100_000).Select(i => Holder(Id(i), 1m + (i % 7))).ToList();

        var result = PayoutEngine.ComputePart(ByShares(999_999_999_999, [10, 0, 0], recipients));

        Assert.That(result.TotalFen, Is.EqualTo(999_999_999_999));
    }

    private static readonly Dictionary<string, decimal> NoWeights = [];

    private static PayoutRecipient Holder(Guid id, decimal population) => new(id, id, Shares(population, 0m, 0m));

    private static Dictionary<string, decimal> Shares(decimal population, decimal labour, decimal capital) =>
        new()
        {
            ["population"] = population,
            ["labour"] = labour,
            ["capital"] = capital,
        };

    private static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:D12}");
}
