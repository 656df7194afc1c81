using FluentValidation;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Volunteering.Domain;

/// <summary>The refusals of residents' demands (群众点单).</summary>
internal static partial class VolunteeringErrors
{
    /// <summary>A step the demand's state does not allow: the state and the steps it does allow.</summary>
    public static BusinessRuleException DemandWrongState(DemandState state, DemandStep step) =>
        new(
            "demand_wrong_state",
            $"该需求当前为“{Labels.Of(state).Chinese}”，不能“{Labels.Of(step).Chinese}”。",
            $"The demand is {Labels.Of(state).English.ToLowerInvariant()}; "
                + $"“{Labels.Of(step).English}” is not possible now.",
            new Dictionary<string, object?>
            {
                ["state"] = state.ToString(),
                ["allowedSteps"] = DemandRules.StepsFrom(state).Select(s => s.ToString()).ToArray(),
            }
        );

    /// <summary>One demand has one claimant: every claim after the first is refused.</summary>
    public static BusinessRuleException DemandAlreadyClaimed(DemandState state) =>
        new(
            "demand_already_claimed",
            "该需求已被其他党员、服务队或单位承接。",
            "The demand has already been claimed by someone else.",
            new Dictionary<string, object?>
            {
                ["state"] = state.ToString(),
                ["allowedSteps"] = DemandRules.StepsFrom(state).Select(s => s.ToString()).ToArray(),
            }
        );

    public static BusinessRuleException TooManyOpenClaims(int max) =>
        new(
            "too_many_open_claims",
            $"该承接方已有 {max} 件需求尚未办结，请先完成后再接单。",
            $"The claimant already has {max} demands in hand; finish some before claiming more.",
            new Dictionary<string, object?> { ["max"] = max, ["field"] = "claimant" }
        );

    public static BusinessRuleException SameClaimant() =>
        new(
            "demand_same_claimant",
            "改派须派给另一个承接方。",
            "A re-dispatch goes to another claimant.",
            new Dictionary<string, object?> { ["field"] = "claimant" }
        );

    public static ValidationException CategoryUnknown(IReadOnlyList<string> categories) =>
        Invalid(
            "category",
            $"服务类别须是本地服务清单中的一项：{string.Join("、", categories)}。",
            $"The category must be one of the region's list: {string.Join(", ", categories)}."
        );

    public static ValidationException BeneficiaryNotInHardship() =>
        Invalid(
            "beneficiaryMemberId",
            "受益人不是您管理范围内的在册困难党员。",
            "The beneficiary is not a member in hardship within your organizations."
        );

    public static ValidationException ClaimantNotFound() =>
        Invalid(
            "claimant.id",
            "承接方不存在、已撤销或不在您的管理范围内。",
            "The claimant does not exist, is dissolved, or is outside your organizations."
        );

    public static ValidationException HelperNotFound(int index) =>
        Invalid(
            $"helpers[{index}].memberId",
            "该党员不在册或不在您的管理范围内。",
            "This member is not on the register within your organizations."
        );
}
