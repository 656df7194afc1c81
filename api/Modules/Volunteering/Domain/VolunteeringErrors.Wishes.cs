using FluentValidation;
using FluentValidation.Results;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Volunteering.Domain;

/// <summary>The micro-wishes' refusals (微心愿), part of the module's one catalog.</summary>
internal static partial class VolunteeringErrors
{
    /// <summary>A step the wish's state does not allow: a claim of a claimed wish is wish_already_claimed (the answer
    /// the losers of simultaneous claims get), any other wish_step_not_allowed; both list the allowed steps.</summary>
    public static BusinessRuleException WishStepRefused(WishStep step, WishState state)
    {
        var details = new Dictionary<string, object?>
        {
            ["state"] = state.ToString(),
            ["allowedSteps"] = MicroWishRules.AllowedSteps(state).Select(s => s.ToString()).ToList(),
        };
        if (step == WishStep.Claim && MicroWishRules.ClaimedAlready(state))
        {
            return new BusinessRuleException(
                "wish_already_claimed",
                "该心愿已被认领。",
                "This wish has already been claimed.",
                details
            );
        }
        var stateLabel = Labels.Of(typeof(WishState))[state.ToString()];
        var stepLabel = Labels.Of(typeof(WishStep))[step.ToString()];
        return new BusinessRuleException(
            "wish_step_not_allowed",
            $"心愿当前为“{stateLabel.Chinese}”，不能{stepLabel.Chinese}。",
            $"The wish is {stateLabel.English.ToLowerInvariant()}; it cannot take the step "
                + $"“{stepLabel.English.ToLowerInvariant()}”.",
            details
        );
    }

    /// <summary>Over the region's cap: a 400 on the field (the form shows it there), with the cap.</summary>
    public static ValidationException WishOverCap(Money cap) =>
        new([
            new ValidationFailure(
                "estimatedValue",
                Localized.Text(
                    $"微心愿的价值不能超过 {cap} 元（本地区规定）。",
                    $"A micro-wish may be worth at most {cap} yuan (the region's rule)."
                )
            ),
        ]);

    public static ValidationException WishBeneficiaryNotInHardship() =>
        Invalid(
            "beneficiaryMemberId",
            "该党员不在困难党员名册上，或不在您的管理范围内。",
            "This member is not on the hardship register, or is outside your organizations."
        );

    public static ValidationException WishClaimantNotFound() =>
        Invalid(
            "claimant.id",
            "认领的党员、服务队或单位不存在，或不在您的管理范围内。",
            "The claiming member, team or organization does not exist or is outside your organizations."
        );

    public static BusinessRuleException WishClaimedBeforePlaced(DateOnly placedOn) =>
        new(
            "wish_claimed_before_placed",
            $"认领日期不能早于心愿登记日期（{placedOn:yyyy-MM-dd}）。",
            $"The claim date cannot be before the wish was placed ({placedOn:yyyy-MM-dd}).",
            new Dictionary<string, object?> { ["field"] = "claimedOn", ["earliestOn"] = placedOn }
        );

    public static BusinessRuleException WishDeliveredBeforeClaimed(DateOnly claimedOn) =>
        new(
            "wish_delivered_before_claimed",
            $"送达日期不能早于认领日期（{claimedOn:yyyy-MM-dd}）。",
            $"The delivery date cannot be before the claim ({claimedOn:yyyy-MM-dd}).",
            new Dictionary<string, object?> { ["field"] = "deliveredOn", ["earliestOn"] = claimedOn }
        );

    public static BusinessRuleException WishReceivedBeforeDelivered(DateOnly deliveredOn) =>
        new(
            "wish_received_before_delivered",
            $"收到日期不能早于送达日期（{deliveredOn:yyyy-MM-dd}）。",
            $"The receipt date cannot be before the delivery ({deliveredOn:yyyy-MM-dd}).",
            new Dictionary<string, object?> { ["field"] = "receivedOn", ["earliestOn"] = deliveredOn }
        );
}
