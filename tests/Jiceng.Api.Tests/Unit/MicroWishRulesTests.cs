using System.Reflection;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Volunteering.Domain;

namespace Jiceng.Tests.Unit;

public sealed class MicroWishRulesTests
{
    [TestCase(19999, false)]
    [TestCase(20000, false)]
    [TestCase(20001, true)]
    public void The_price_cap_allows_the_cap_itself_and_refuses_one_fen_more(long fen, bool exceeds) =>
        Assert.That(MicroWishRules.ExceedsCap(Money.FromFen(fen), 20000), Is.EqualTo(exceeds));

    [Test]
    public void Each_state_allows_exactly_its_steps()
    {
        Assert.Multiple(() =>
        {
            Assert.That(
                MicroWishRules.AllowedSteps(WishState.Open),
                Is.EqualTo(new[] { WishStep.Claim, WishStep.Cancel })
            );
            Assert.That(
                MicroWishRules.AllowedSteps(WishState.Claimed),
                Is.EqualTo(new[] { WishStep.Deliver, WishStep.Cancel })
            );
            Assert.That(
                MicroWishRules.AllowedSteps(WishState.Delivered),
                Is.EqualTo(new[] { WishStep.ConfirmReceipt })
            );
            Assert.That(MicroWishRules.AllowedSteps(WishState.Received), Is.Empty);
            Assert.That(MicroWishRules.AllowedSteps(WishState.Cancelled), Is.Empty);
        });
    }

    [Test]
    public void Every_step_except_cancel_starts_from_the_state_that_allows_it()
    {
        foreach (var step in Enum.GetValues<WishStep>().Where(s => s != WishStep.Cancel))
        {
            var from = MicroWishRules.StartsFrom(step);
            Assert.That(from, Is.Not.Null, step.ToString());
            Assert.That(
                Enum.GetValues<WishState>().Where(s => MicroWishRules.Allows(s, step)),
                Is.EqualTo(new[] { from!.Value }),
                step.ToString()
            );
        }
        Assert.That(
            Enum.GetValues<WishState>().Where(MicroWishRules.CanCancel),
            Is.EqualTo(new[] { WishState.Open, WishState.Claimed })
        );
    }

    [Test]
    public void A_claim_of_a_claimed_wish_is_wish_already_claimed_and_other_refusals_list_the_allowed_steps()
    {
        var claimed = VolunteeringErrors.WishStepRefused(WishStep.Claim, WishState.Claimed);
        var delivered = VolunteeringErrors.WishStepRefused(WishStep.Deliver, WishState.Open);
        Assert.Multiple(() =>
        {
            Assert.That(claimed.Code, Is.EqualTo("wish_already_claimed"));
            Assert.That(delivered.Code, Is.EqualTo("wish_step_not_allowed"));
            Assert.That(delivered.Details!["allowedSteps"], Is.EqualTo(new List<string> { "Claim", "Cancel" }));
            Assert.That(
                VolunteeringErrors.WishStepRefused(WishStep.Claim, WishState.Cancelled).Code,
                Is.EqualTo("wish_step_not_allowed")
            );
        });
    }

    [Test]
    public void The_wall_shows_every_state_but_cancelled_and_is_off_only_at_zero()
    {
        Assert.Multiple(() =>
        {
            Assert.That(
                Enum.GetValues<WishState>().Where(MicroWishRules.ShownOnWall),
                Is.EqualTo(new[] { WishState.Open, WishState.Claimed, WishState.Delivered, WishState.Received })
            );
            Assert.That(MicroWishRules.WallIsOpen(1), Is.True);
            Assert.That(MicroWishRules.WallIsOpen(0), Is.False);
        });
    }

    [Test]
    public void The_wall_answer_has_no_field_that_could_hold_personal_data_or_the_claimant()
    {
        var row = new MicroWishRow
        {
            Id = Guid.CreateVersion7(),
            OrgId = Guid.CreateVersion7(),
            Kind = WishKind.Elderly,
            Description = "一台收音机",
            EstimatedValueFen = 8000,
            PersonNameCipher = "k1:secret",
            PersonNameMask = "张*",
            PersonPhoneCipher = "k1:secret",
            PersonPhoneMask = "138****5678",
            State = WishState.Claimed,
            ClaimantName = "李四",
            PlacedOn = new DateOnly(2026, 5, 1),
        };
        var wall = MicroWishes.ForWall(row, "幸福社区党委");
        var properties = typeof(PublicWishResponse)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.Name)
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(
                properties,
                Is.EquivalentTo(
                    new[] { "Id", "CommunityName", "Kind", "Description", "State", "PlacedOn", "DeliveredOn" }
                )
            );
            Assert.That(wall.CommunityName, Is.EqualTo("幸福社区党委"));
            Assert.That(wall.State, Is.EqualTo(WishState.Claimed));
            Assert.That(wall.ToString(), Does.Not.Contain("张").And.Not.Contain("138").And.Not.Contain("李四"));
        });
    }
}
