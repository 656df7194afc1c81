using FluentValidation;
using FluentValidation.Results;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Http;

namespace Jiceng.Modules.Dividends.Domain;

/// Distribution plans, their steps and objections, and payouts.
internal static partial class DividendsErrors
{
    public static ValidationException PlanCollectiveNotFound() =>
        new([
            new ValidationFailure(
                "collectiveId",
                Localized.Text(
                    "集体经济组织不存在或不在您的管理范围内。",
                    "The collective does not exist or is outside your organizations."
                )
            ),
        ]);

    public static ValidationException PlanShareTypeUnknown(int part) =>
        new([
            new ValidationFailure(
                $"parts[{part}].weights",
                Localized.Text("股份类型不属于该集体经济组织。", "A share type is not one of this collective's.")
            ),
        ]);

    public static BusinessRuleException PlanNoRecipients(int part, DateOnly cutOffOn) =>
        new(
            "plan_no_recipients",
            $"截至 {cutOffOn:yyyy-MM-dd}，第 {part + 1} 部分没有符合条件的成员或股份，无法分配。",
            $"On {cutOffOn:yyyy-MM-dd} part {part + 1} has no eligible members or shares to pay.",
            new Dictionary<string, object?> { ["field"] = $"parts[{part}]", ["cutOffOn"] = cutOffOn }
        );

    public static BusinessRuleException PlanWrongStage(PlanStage actual, params PlanStage[] expected) =>
        new(
            "plan_wrong_stage",
            $"方案当前处于“{StageText(actual, true)}”，不能进行此步骤。",
            $"The plan is at \"{StageText(actual, false)}\"; this step does not apply.",
            new Dictionary<string, object?>
            {
                ["stage"] = actual.ToString(),
                ["expected"] = expected.Select(e => e.ToString()).ToList(),
            }
        );

    public static BusinessRuleException PlanStepOutOfOrder(ApprovalStepRule expected, string given) =>
        new(
            "plan_step_out_of_order",
            $"按本地审议程序，下一步应为“{expected.Chinese}”。",
            $"By the region's order the next step is \"{expected.English}\".",
            new Dictionary<string, object?>
            {
                ["field"] = "step",
                ["expectedStep"] = expected.Code,
                ["step"] = given,
            }
        );

    public static BusinessRuleException PlanVoteRequired(ApprovalStepRule step) =>
        new(
            "plan_vote_required",
            $"“{step.Chinese}”须记录应到、实到人数和表决结果。",
            $"\"{step.English}\" needs its attendance and votes.",
            new Dictionary<string, object?> { ["field"] = "vote" }
        );

    public static BusinessRuleException PlanNotQuorate(AssemblyVote vote, int least) =>
        new(
            "plan_not_quorate",
            $"应到 {vote.Entitled} 人，实到 {vote.Present} 人，不足本地规定的 {least} 人，会议无效。",
            $"{vote.Present} of {vote.Entitled} present; the region's quorum is {least}.",
            new Dictionary<string, object?>
            {
                ["field"] = "vote.present",
                ["present"] = vote.Present,
                ["entitled"] = vote.Entitled,
                ["leastPresent"] = least,
                ["rule"] = PlanRules.AssemblySource,
            }
        );

    public static BusinessRuleException PlanNotCarried(AssemblyVote vote) =>
        new(
            "plan_not_carried",
            $"到会 {vote.Present} 人，赞成 {vote.InFavour} 人，未超过到会人员的半数，方案未通过。",
            $"{vote.InFavour} in favour of {vote.Present} present is no majority; the plan was not adopted.",
            new Dictionary<string, object?>
            {
                ["field"] = "vote.inFavour",
                ["inFavour"] = vote.InFavour,
                ["present"] = vote.Present,
                ["rule"] = PlanRules.AssemblySource,
            }
        );

    public static BusinessRuleException PlanNoticeRunning(DateOnly endsOn) =>
        new(
            "plan_notice_running",
            $"公示期至 {endsOn:yyyy-MM-dd} 结束，期满后方可批准。",
            $"The notice runs until {endsOn:yyyy-MM-dd}; approve after it.",
            new Dictionary<string, object?> { ["noticeEndsOn"] = endsOn }
        );

    public static BusinessRuleException PlanObjectionsOpen(int open) =>
        new(
            "plan_objections_open",
            $"还有 {open} 条异议未答复办结，办结后方可批准或兑现。",
            $"{open} objections are not yet answered and closed; close them first.",
            new Dictionary<string, object?> { ["openObjections"] = open }
        );

    public static BusinessRuleException PlanPreparerCannotApprove() =>
        new(
            "plan_preparer_cannot_approve",
            "方案编制人不能审核或批准自己编制的方案。",
            "The person who prepared a plan cannot review or approve it."
        );

    public static BusinessRuleException PlanPayoutsExist() =>
        new(
            "plan_payouts_exist",
            "该方案已生成兑现清单，不能再修改；如有差错请冲正后另行兑现。",
            "The plan's payouts exist; it can no longer change (reverse a payout instead)."
        );

    public static BusinessRuleException PlanChangedInPlace() =>
        new(
            "plan_not_revisable",
            "方案尚未公示，可直接重新编制；公示或批准后的修改才形成新版本。",
            "A plan not yet on notice is prepared again; only a plan on notice or approved gets a new version."
        );

    public static BusinessRuleException ObjectionWrongStatus(string status) =>
        new(
            "objection_wrong_status",
            status == "Closed" ? "该异议已办结。" : "该异议的状态不允许此操作。",
            status == "Closed" ? "The objection is closed." : "The objection's status does not allow this.",
            new Dictionary<string, object?> { ["objectionStatus"] = status }
        );

    public static BusinessRuleException ObjectionNotAnswered() =>
        new("objection_not_answered", "异议须先答复，方可办结。", "Answer the objection before closing it.");

    public static BusinessRuleException PayoutAlreadyConfirmed() =>
        new("payout_already_confirmed", "该笔款项已确认发放，不能重复确认。", "This payout is already confirmed.");

    public static BusinessRuleException PayoutNotUnpaid(string status) =>
        new(
            "payout_not_unpaid",
            "只有未发放的款项可以确认或标记失败。",
            "Only an unpaid payout can be confirmed or marked failed.",
            new Dictionary<string, object?> { ["payoutStatus"] = status }
        );

    public static BusinessRuleException PayoutNotFailed() =>
        new("payout_not_failed", "只有转账失败的款项可以重新发放。", "Only a failed transfer can be re-issued.");

    public static BusinessRuleException PayoutAlreadyHandled() =>
        new(
            "payout_already_handled",
            "该笔款项已重新发放或已冲正。",
            "This payout has already been re-issued or reversed."
        );

    public static BusinessRuleException PayoutNotPaid() =>
        new("payout_not_paid", "只有已发放的款项可以冲正。", "Only a paid payout can be reversed.");

    public static BusinessRuleException PayoutProxyAuthorizationRequired() =>
        new(
            "payout_proxy_authorization",
            "代领须记录代领人姓名和委托书编号。",
            "Collection by a proxy needs the proxy's name and the authorization's reference.",
            new Dictionary<string, object?> { ["field"] = "proxyAuthorization" }
        );

    private static string StageText(PlanStage stage, bool chinese) =>
        (stage, chinese) switch
        {
            (PlanStage.Draft, true) => "草拟",
            (PlanStage.Deliberation, true) => "审议中",
            (PlanStage.Review, true) => "待农经站审核",
            (PlanStage.Notice, true) => "公示中",
            (PlanStage.Approved, true) => "已批准",
            (PlanStage.Superseded, true) => "已被新版本取代",
            _ => stage.ToString(),
        };
}
