using FluentValidation.Results;
using Jiceng.Infrastructure;

namespace Jiceng.Modules.Dividends.Domain;

/// One deliberation step of a region's list, in order. Vote: taken at a meeting whose attendance and votes are
/// recorded and checked against the region's quorums (the members' or representatives' assembly).
internal sealed record ApprovalStepRule(string Code, string Chinese, string English, bool Vote)
{
    /// 四议两公开 (DOMAIN.md §4; 大庆: "将村党组织提议程序作为村民会议或村民代表会议决议的前置程序"): the
    /// party branch proposes, the two committees deliberate, the party members' meeting reviews, the members'
    /// (representatives') assembly decides. The two 公开 are the plan's notice and the payout list.
    /// 宁波's 五议两公开 adds a step; a region's list replaces this one.
    public static readonly IReadOnlyList<ApprovalStepRule> FourDeliberations =
    [
        new("branchProposal", "党支部提议", "Party branch proposal", false),
        new("committeesDeliberation", "两委会商议", "Two committees' deliberation", false),
        new("partyMembersReview", "党员大会审议", "Party members' meeting review", false),
        new("assemblyResolution", "成员（代表）大会决议", "Members' (representatives') assembly resolution", true),
    ];

    public string Label => Localized.Text(Chinese, English);

    public static IEnumerable<ValidationFailure> Validate(
        IReadOnlyList<ApprovalStepRule>? steps,
        int quorumNumerator,
        int quorumDenominator
    )
    {
        if (quorumNumerator > quorumDenominator)
        {
            yield return new(
                "representativeQuorumNumerator.value",
                Localized.Text("到会比例的分子不能大于分母。", "The numerator cannot exceed the denominator.")
            );
        }
        if (steps is not { Count: > 0 and <= 10 })
        {
            yield return new(
                "approvalSteps",
                Localized.Text("须列出 1 至 10 个审议步骤。", "List one to ten deliberation steps.")
            );
            yield break;
        }
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (
                step is null
                || string.IsNullOrWhiteSpace(step.Code)
                || step.Code.Length > 40
                || !step.Code.All(char.IsAsciiLetterOrDigit)
            )
            {
                yield return new(
                    $"approvalSteps[{i}].code",
                    Localized.Text("步骤代码须为 1 至 40 个英文字母或数字。", "A step code is 1–40 letters or digits.")
                );
                continue;
            }
            if (string.IsNullOrWhiteSpace(step.Chinese) || step.Chinese.Length > 50)
            {
                yield return new(
                    $"approvalSteps[{i}].chinese",
                    Localized.Text(
                        "步骤名称须填写，不超过 50 个字。",
                        "A step name is required, at most 50 characters."
                    )
                );
            }
            if (string.IsNullOrWhiteSpace(step.English) || step.English.Length > 100)
            {
                yield return new(
                    $"approvalSteps[{i}].english",
                    Localized.Text(
                        "英文名称须填写，不超过 100 个字符。",
                        "An English name is required, at most 100 characters."
                    )
                );
            }
            if (steps.Take(i).Any(s => s?.Code == step.Code))
            {
                yield return new(
                    $"approvalSteps[{i}].code",
                    Localized.Text("步骤代码不能重复。", "Step codes must differ.")
                );
            }
        }
        if (steps[^1] is { Vote: false })
        {
            yield return new(
                "approvalSteps",
                Localized.Text(
                    "最后一步须为成员（代表）大会表决。",
                    "The last step must be the members' (representatives') assembly vote."
                )
            );
        }
    }
}
