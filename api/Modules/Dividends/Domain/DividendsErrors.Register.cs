using FluentValidation;
using FluentValidation.Results;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Http;

namespace Jiceng.Modules.Dividends.Domain;

/// <summary>The register's refusals: collectives, households, members, share types and share changes.</summary>
internal static partial class DividendsErrors
{
    public static BusinessRuleException CreditCodeExists() =>
        new(
            "collective_credit_code_exists",
            "该统一社会信用代码已登记。",
            "A collective with this unified social credit code is already registered.",
            new Dictionary<string, object?> { ["field"] = "creditCode" }
        );

    public static BusinessRuleException HouseholdNumberExists() =>
        new(
            "household_number_exists",
            "本集体经济组织已有该户号。",
            "This household number is already used in the collective.",
            new Dictionary<string, object?> { ["field"] = "number" }
        );

    public static BusinessRuleException CollectiveMemberExists() =>
        new(
            "collective_member_exists",
            "该公民身份号码的成员已在本集体经济组织登记。",
            "A member with this ID number is already registered in the collective."
        );

    public static BusinessRuleException ShareTypeExists() =>
        new(
            "share_type_exists",
            "本集体经济组织已有同名股份类型。",
            "The collective already has a share type of this name.",
            new Dictionary<string, object?> { ["field"] = "name" }
        );

    public static BusinessRuleException ConfirmationNotCarried(int votesFor, int present) =>
        new(
            "membership_vote_not_carried",
            $"赞成 {votesFor} 票，未超过到会 {present} 人的半数，成员资格确认未通过。",
            $"{votesFor} votes for is not more than half of the {present} present: membership is not confirmed.",
            new Dictionary<string, object?>
            {
                ["votesFor"] = votesFor,
                ["present"] = present,
                ["field"] = "votesFor",
            }
        );

    public static BusinessRuleException StaticSharesFixed() =>
        new(
            "static_shares_fixed",
            "本集体经济组织实行股权静态管理（生不增、死不减），不能新增或注销股份，只能继承、转让或分户。",
            "The collective manages shares statically (no new shares at birth, none cancelled at death): shares can "
                + "only be inherited, transferred or split with a household.",
            new Dictionary<string, object?> { ["field"] = "kind" }
        );

    public static BusinessRuleException ShareChangeNotBalanced(string shareTypeName) =>
        new(
            "share_change_not_balanced",
            $"继承、转让和分户只在成员之间移转股份：“{shareTypeName}”转出与转入的数量须相等。",
            $"Inheritance, transfer and household split only move shares between members: what leaves and what "
                + $"arrives of “{shareTypeName}” must be equal.",
            new Dictionary<string, object?> { ["shareType"] = shareTypeName, ["field"] = "lines" }
        );

    public static BusinessRuleException ShareChangeWithoutLines() =>
        new(
            "share_change_without_lines",
            "请填写变动的股份（成员、股份类型和数量）；只有分户可以不移转股份。",
            "List the shares that change (member, share type, quantity); only a household split may move none.",
            new Dictionary<string, object?> { ["field"] = "lines" }
        );

    public static BusinessRuleException SharesInsufficient(string memberName, string shareTypeName) =>
        new(
            "shares_insufficient",
            $"{memberName} 持有的“{shareTypeName}”不足以转出。",
            $"{memberName} does not hold enough “{shareTypeName}” shares to give.",
            new Dictionary<string, object?> { ["field"] = "lines" }
        );

    public static BusinessRuleException TransferOutsideCollective() =>
        new(
            "share_transfer_outside_collective",
            "股份只能在本集体经济组织成员之间转让或继承。",
            "Shares are transferred or inherited only between members of the collective.",
            new Dictionary<string, object?> { ["field"] = "lines" }
        );

    public static BusinessRuleException SplitNeedsMembers() =>
        new(
            "household_split_needs_members",
            "分户须从同一户中分出至少一人，且原户至少留下一人。",
            "A household split takes at least one member out of one household and leaves at least one behind.",
            new Dictionary<string, object?> { ["field"] = "newHousehold.memberIds" }
        );

    /// <summary>A referenced record that is not the collective's: a 400 on the field, as a form shows it.</summary>
    public static ValidationException NotInCollective(string field) =>
        new([
            new ValidationFailure(
                field,
                Localized.Text("不是本集体经济组织的记录。", "This record does not belong to the collective.")
            ),
        ]);

    public static ValidationException OrganizationNotFound() =>
        new([
            new ValidationFailure(
                "organizationId",
                Localized.Text(
                    "组织不存在、已撤销或不在您的管理范围内。",
                    "The organization does not exist, is dissolved, or is outside your organizations."
                )
            ),
        ]);
}
