using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Assistance.Domain;

/// <summary>Refusals of applications and their steps.</summary>
internal static partial class AssistanceErrors
{
    public static BusinessRuleException AmountOutsideBand(AssistanceCategory category, Money min, Money max) =>
        new(
            "amount_outside_band",
            $"「{Labels.Of(category).Chinese}」单次帮扶金额须在 {min} 元到 {max} 元之间。",
            $"An application for {Labels.Of(category).English} asks for between {min} and {max} yuan.",
            new Dictionary<string, object?>
            {
                ["min"] = min,
                ["max"] = max,
                ["field"] = "amount",
            }
        );

    /// <summary>The one refusal of the yearly cap, for aid, visit money and condolences alike; <c>field</c> is the
    /// amount's field on the form that asked.</summary>
    public static BusinessRuleException YearlyCapExceeded(
        Money cap,
        Money paid,
        Money requested,
        Money remaining,
        string field
    ) =>
        new(
            "yearly_cap_exceeded",
            $"超过每人每年帮扶上限 {cap} 元：本年已发放及已批准待发放 {paid} 元，"
                + $"本次 {requested} 元，最多还可发放 {remaining} 元。",
            $"Above the yearly cap of {cap} yuan per person: {paid} yuan paid or approved this year, "
                + $"{requested} yuan asked, at most {remaining} yuan more.",
            new Dictionary<string, object?>
            {
                ["cap"] = cap,
                ["paid"] = paid,
                ["requested"] = requested,
                ["remaining"] = remaining,
                ["field"] = field,
            }
        );

    public static BusinessRuleException NotInHardship() =>
        new(
            "not_in_hardship",
            "该党员当日不在困难党员台账中，不能按「生活困难」申请。",
            "The member is not on the hardship register today, so cannot apply for hardship.",
            new Dictionary<string, object?> { ["field"] = "category" }
        );

    public static BusinessRuleException NotOldMember(int age, int years) =>
        new(
            "not_old_member",
            $"老党员关怀须年满 {age} 周岁且党龄满 {years} 年。",
            $"Old-member care needs an age of {age} and {years} years of party standing.",
            new Dictionary<string, object?>
            {
                ["age"] = age,
                ["years"] = years,
                ["field"] = "category",
            }
        );

    public static BusinessRuleException MemberNotLiving() =>
        new(
            "member_not_living",
            "该党员已不在册（已去世），请以「因公牺牲党员家属」等类别为家属申请。",
            "The member is no longer on the register; apply for the family under the right category.",
            new Dictionary<string, object?> { ["field"] = "memberId" }
        );

    public static BusinessRuleException NoFund() =>
        new(
            "no_fund",
            "该党员所在党组织及其上级均未设立帮扶资金。",
            "Neither the member's organization nor any above it has a care fund.",
            new Dictionary<string, object?> { ["field"] = "memberId" }
        );

    public static BusinessRuleException WrongStatus(ApplicationStatus actual, params ApplicationStatus[] expected) =>
        new(
            "wrong_status",
            $"申请当前为「{Labels.Of(actual).Chinese}」，不能进行此操作。",
            $"The application is {Labels.Of(actual).English}; this step does not apply.",
            new Dictionary<string, object?> { ["current"] = actual, ["expected"] = expected }
        );

    public static BusinessRuleException SamePerson(string role) =>
        new(
            "duties_not_separated",
            "同一人不能在同一申请中担任两个环节（申请、经办、各级审批、支付须由不同人员办理）。",
            "One person cannot act at two steps of one application (applicant, preparer, each approver and payer "
                + "are different people).",
            new Dictionary<string, object?> { ["role"] = role }
        );

    public static BusinessRuleException NoticeTooShort(int days) =>
        new(
            "notice_too_short",
            $"党内公示不少于 {days} 天。",
            $"The in-party notice runs at least {days} days.",
            new Dictionary<string, object?> { ["days"] = days, ["field"] = "noticeTo" }
        );

    public static BusinessRuleException NoticeNotOver(DateOnly noticeTo) =>
        new(
            "notice_not_over",
            $"公示期至 {noticeTo:yyyy-MM-dd}，期满后方可审批。",
            $"The notice runs until {noticeTo:yyyy-MM-dd}; approval comes after it.",
            new Dictionary<string, object?> { ["noticeTo"] = noticeTo }
        );

    public static BusinessRuleException PaymentDetailsMissing(string field) =>
        new(
            "payment_details_missing",
            "请填写支付凭证：银行转账填流水号，现金填签收单号，实物填物品及价值。",
            "Give the payment's evidence: the bank reference, the signed receipt's number, or the goods and value.",
            new Dictionary<string, object?> { ["field"] = field }
        );
}
