using FluentValidation;
using FluentValidation.Results;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Assistance.Domain;

/// <summary>The refusals of holiday visits, condolences, 1+N pairings and the hardship ledger.</summary>
internal static partial class AssistanceErrors
{
    private static Dictionary<string, object?> CareField(string field) => new() { ["field"] = field };

    private static ValidationException CareInvalid(string field, string chinese, string english) =>
        new([new ValidationFailure(field, Localized.Text(chinese, english))]);

    public static ValidationException CareOrganizationNotFound() =>
        CareInvalid(
            "organizationId",
            "党组织不存在、已撤销或不在您的管理范围内。",
            "The organization does not exist, is dissolved, or is outside your organizations."
        );

    public static ValidationException CareMemberNotFound(string field) =>
        CareInvalid(field, "未找到该党员，或不在您的管理范围内。", "No such member within your scope.");

    public static BusinessRuleException VisitListExists(int year, VisitOccasion occasion) =>
        new(
            "visit_list_exists",
            $"该党组织 {year} 年{Labels.Of(occasion).Chinese}走访名单已建立。",
            $"This organization already has its {year} {Labels.Of(occasion).English} visit list.",
            CareField("occasion")
        );

    public static BusinessRuleException VisitAlreadyRecorded() =>
        new("visit_already_recorded", "该走访已登记。", "This visit has already been recorded.");

    public static BusinessRuleException VisitBeforeList(DateOnly earliest) =>
        new(
            "visit_before_list",
            $"走访日期不能早于名单的走访期开始日（{earliest:yyyy-MM-dd}）。",
            $"The visit cannot be dated before the list's visiting period opens ({earliest:yyyy-MM-dd}).",
            new Dictionary<string, object?> { ["field"] = "visitedOn", ["earliestOn"] = earliest }
        );

    public static BusinessRuleException PaymentNeedsFund() =>
        new(
            "fund_required",
            "发放慰问金须指明支出的帮扶资金。",
            "Money given needs the fund it is paid from.",
            CareField("fundId")
        );

    public static BusinessRuleException FundNotCovering() =>
        new(
            "fund_not_covering",
            "该帮扶资金不能为此党组织支出（须为本组织或上级组织的资金）。",
            "This fund cannot pay for this organization (it must be the organization's own or a higher one's).",
            CareField("fundId")
        );

    public static BusinessRuleException CareMemberNotActive(string field) =>
        new("member_not_active", "该党员已不在册。", "This member is no longer on the register.", CareField(field));

    public static BusinessRuleException HelperNotInService() =>
        new(
            "helper_not_in_service",
            "“1+N”结对的帮扶人须为在职党员。",
            "The helper of a 1+N pair must be an in-service member.",
            CareField("helperMemberId")
        );

    public static BusinessRuleException NotInHardship(string field) =>
        new(
            "not_in_hardship",
            "该党员当日不在困难党员名册上。",
            "This member is not on the hardship register on that day.",
            CareField(field)
        );

    public static BusinessRuleException PairingWithSelf() =>
        new(
            "pairing_self",
            "帮扶人与帮扶对象不能是同一人。",
            "A member cannot be paired with themselves.",
            CareField("helpedMemberId")
        );

    public static BusinessRuleException PairingExists() =>
        new(
            "pairing_exists",
            "这两名党员已结成帮扶对子。",
            "These two members are already paired.",
            CareField("helpedMemberId")
        );

    public static BusinessRuleException PairingEnded() =>
        new("pairing_ended", "该帮扶对子已结束。", "This pairing has ended.");

    public static BusinessRuleException HelpBeforePairing(DateOnly startedOn) =>
        new(
            "help_before_pairing",
            $"帮扶日期不能早于结对日期（{startedOn:yyyy-MM-dd}）。",
            $"Help cannot be dated before the pairing began ({startedOn:yyyy-MM-dd}).",
            new Dictionary<string, object?> { ["field"] = "helpedOn", ["earliestOn"] = startedOn }
        );

    public static BusinessRuleException PairingEndsBeforeStart(DateOnly startedOn) =>
        new(
            "pairing_ends_before_start",
            $"结束日期不能早于结对日期（{startedOn:yyyy-MM-dd}）。",
            $"The end cannot be before the pairing began ({startedOn:yyyy-MM-dd}).",
            new Dictionary<string, object?> { ["field"] = "endedOn", ["earliestOn"] = startedOn }
        );

    public static BusinessRuleException CondolenceNotProposed() =>
        new(
            "condolence_not_proposed",
            "该抚恤慰问已处理（已发放或已不予发放）。",
            "This condolence payment has already been decided (paid or declined)."
        );

    public static BusinessRuleException HardshipNotCurrent() =>
        new(
            "hardship_ended",
            "该困难登记已结束，无需复核。",
            "This hardship entry has ended; there is nothing to recheck.",
            CareField("hardshipId")
        );

    public static BusinessRuleException RecheckBeforeStart(DateOnly since) =>
        new(
            "recheck_before_start",
            $"复核日期不能早于困难登记开始日（{since:yyyy-MM-dd}）。",
            $"The recheck cannot be dated before the hardship began ({since:yyyy-MM-dd}).",
            new Dictionary<string, object?> { ["field"] = "checkedOn", ["earliestOn"] = since }
        );
}
