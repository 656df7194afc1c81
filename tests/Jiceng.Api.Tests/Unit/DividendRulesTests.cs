using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Dividends.Domain;

namespace Jiceng.Tests.Unit;

/// <summary>统一社会信用代码's check character, the income limits at each boundary, and which share changes are allowed.
/// </summary>
public sealed class DividendRulesTests
{
    private static readonly DividendRules Rules = DividendRuleSection.Instance.Defaults;

    private static Money Yuan(decimal yuan) => Money.FromYuan(yuan);

    private static IncomeFigures Figures(
        decimal operating,
        decimal costs = 0,
        decimal losses = 0,
        decimal reserve = 0,
        decimal dividends = 0,
        decimal byVolume = 0,
        decimal grants = 0,
        decimal land = 0
    ) =>
        new(
            Yuan(operating),
            Money.Zero,
            Money.Zero,
            Yuan(grants),
            Yuan(land),
            Yuan(costs),
            Yuan(losses),
            Yuan(reserve),
            Yuan(dividends),
            Yuan(byVolume)
        );

    private static string[] Codes(IncomeFigures figures, CollectiveKind kind = CollectiveKind.StockCooperative) =>
        IncomeRules.Breaches(figures, kind, Rules).Select(b => b.Code).ToArray();

    [TestCase("91350100M000100Y43", true)]
    [TestCase("91110108551385082Q", true)]
    [TestCase("91350100M000100Y44", false)]
    [TestCase("91350100M000100Y4", false)]
    [TestCase("9135010OM000100Y43", false)]
    [TestCase("91350100m000100Y43", false)]
    [TestCase("913501A0M000100Y43", false)]
    [TestCase(null, false)]
    public void A_credit_code_is_18_characters_with_its_GB_32100_check_character(string? code, bool valid) =>
        Assert.That(CreditCode.IsValid(code), Is.EqualTo(valid));

    [Test]
    public void The_check_character_31_is_written_as_zero_and_each_check_value_round_trips()
    {
        var found = new HashSet<char>();
        for (var n = 0; n < 2000 && found.Count < 31; n++)
        {
            var first17 = "N2222403" + n.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
            var check = CreditCode.CheckCharacter(first17);
            found.Add(check);
            Assert.That(CreditCode.IsValid(first17 + check), Is.True, first17);
        }
        Assert.That(found, Has.Count.EqualTo(31), "every check character, 0 included, appears");
    }

    [Test]
    public void Grants_and_land_compensation_stay_out_of_net_income()
    {
        var limits = IncomeRules.Limits(
            Figures(500_000, costs: 200_000, grants: 1_000_000, land: 3_000_000),
            CollectiveKind.StockCooperative,
            Rules
        );
        Assert.That(limits.NetIncome, Is.EqualTo(Yuan(300_000)));
    }

    [Test]
    public void The_reserve_is_at_least_30_percent_of_net_income_after_losses_rounded_up_to_the_fen()
    {
        // 100,000.01 after losses: 30% is 30,000.003, so the least reserve is 30,000.01.
        var net = Figures(100_000.01m, reserve: 30_000.01m);
        Assert.Multiple(() =>
        {
            Assert.That(
                IncomeRules.Limits(net, CollectiveKind.StockCooperative, Rules).ReserveMinimum,
                Is.EqualTo(Yuan(30_000.01m))
            );
            Assert.That(Codes(net), Is.Empty);
            Assert.That(Codes(net with { Reserve = Yuan(30_000.00m) }), Is.EqualTo(new[] { "reserve_below_minimum" }));
        });
    }

    [Test]
    public void Losses_are_made_good_before_the_reserve_and_the_distributable_amount()
    {
        var figures = Figures(200_000, costs: 50_000, losses: 50_000, reserve: 30_000, dividends: 60_000);
        var limits = IncomeRules.Limits(figures, CollectiveKind.StockCooperative, Rules);
        Assert.Multiple(() =>
        {
            Assert.That(limits.AfterLosses, Is.EqualTo(Yuan(100_000)));
            Assert.That(limits.ReserveMinimum, Is.EqualTo(Yuan(30_000)));
            Assert.That(limits.Distributable, Is.EqualTo(Yuan(70_000)));
            Assert.That(limits.DividendShareApplies, Is.True, "net income 150,000 exceeds 100,000");
            Assert.That(Codes(figures), Is.Empty);
        });
    }

    [Test]
    public void Nothing_is_distributed_beyond_the_distributable_amount()
    {
        var atLimit = Figures(100_000, reserve: 30_000, dividends: 70_000);
        Assert.Multiple(() =>
        {
            Assert.That(Codes(atLimit), Is.Empty, "net income of exactly 100,000: the 60% share does not apply");
            Assert.That(
                Codes(atLimit with { MemberDividends = Yuan(70_000.01m) }),
                Is.EqualTo(new[] { "dividends_above_distributable" })
            );
            Assert.That(
                Codes(Figures(50_000, costs: 80_000, dividends: 0.01m)),
                Is.EqualTo(new[] { "dividends_above_distributable" }),
                "a loss-making year distributes nothing"
            );
        });
    }

    [Test]
    public void Above_the_threshold_member_dividends_are_at_most_60_percent_of_net_income()
    {
        // Net income 100,000.01 (just above the threshold): 60% is 60,000.006, rounded down to 60,000.00.
        var figures = Figures(100_000.01m, reserve: 30_000.01m, dividends: 60_000.00m);
        Assert.Multiple(() =>
        {
            Assert.That(
                IncomeRules.Limits(figures, CollectiveKind.StockCooperative, Rules).DividendShareApplies,
                Is.True
            );
            Assert.That(Codes(figures), Is.Empty);
            Assert.That(
                Codes(figures with { MemberDividends = Yuan(60_000.01m) }),
                Is.EqualTo(new[] { "dividends_above_share" })
            );
        });
    }

    [Test]
    public void A_branch_led_cooperative_returns_at_least_60_percent_of_distributable_surplus_by_volume()
    {
        // Distributable 70,000.01 → 60% is 42,000.006, so the least return by volume is 42,000.01.
        var figures = Figures(100_000.02m, reserve: 30_000.01m, dividends: 70_000.01m, byVolume: 42_000.01m);
        var cooperative = CollectiveKind.BranchLedCooperative;
        Assert.Multiple(() =>
        {
            Assert.That(IncomeRules.Limits(figures, cooperative, Rules).ByVolumeMinimum, Is.EqualTo(Yuan(42_000.01m)));
            Assert.That(Codes(figures, cooperative), Is.EqualTo(new[] { "dividends_above_share" }));
            var under = figures with { MemberDividends = Yuan(60_000), ByVolumeReturn = Yuan(42_000.00m) };
            Assert.That(Codes(under, cooperative), Is.EqualTo(new[] { "by_volume_below_minimum" }));
            Assert.That(Codes(under with { ByVolumeReturn = Yuan(42_000.01m) }, cooperative), Is.Empty);
            Assert.That(
                Codes(under with { ByVolumeReturn = Yuan(60_000.01m) }, cooperative),
                Is.EqualTo(new[] { "by_volume_above_dividends" })
            );
            Assert.That(Codes(under), Is.EqualTo(new[] { "by_volume_only_for_cooperatives" }));
        });
    }

    [Test]
    public void A_reserve_beyond_what_is_left_is_refused()
    {
        var figures = Figures(100_000, reserve: 100_000.01m);
        Assert.That(Codes(figures), Is.EqualTo(new[] { "reserve_above_income" }));
    }

    [TestCase(ShareManagement.Static, ShareChangeKind.Inheritance, true)]
    [TestCase(ShareManagement.Static, ShareChangeKind.Transfer, true)]
    [TestCase(ShareManagement.Static, ShareChangeKind.HouseholdSplit, true)]
    [TestCase(ShareManagement.Static, ShareChangeKind.Allotment, false)]
    [TestCase(ShareManagement.Static, ShareChangeKind.Cancellation, false)]
    [TestCase(ShareManagement.Dynamic, ShareChangeKind.Allotment, true)]
    [TestCase(ShareManagement.Dynamic, ShareChangeKind.Cancellation, true)]
    [TestCase(ShareManagement.Dynamic, ShareChangeKind.Initial, false)]
    public void Static_management_moves_shares_but_never_makes_or_cancels_them(
        object management,
        object kind,
        bool allowed
    ) =>
        Assert.That(
            ShareChangeRules.AllowedUnder((ShareManagement)management, (ShareChangeKind)kind),
            Is.EqualTo(allowed)
        );

    [Test]
    public void A_transfer_balances_per_share_type()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        Assert.Multiple(() =>
        {
            Assert.That(ShareChangeRules.Unbalanced([(a, -2), (a, 2), (b, -1), (b, 1)]), Is.Null);
            Assert.That(ShareChangeRules.Unbalanced([(a, -2), (b, 2)]), Is.EqualTo(a));
            Assert.That(ShareChangeRules.MustBalance(ShareChangeKind.Allotment), Is.False);
            Assert.That(ShareChangeRules.MustBalance(ShareChangeKind.Inheritance), Is.True);
        });
    }
}
