using FluentValidation;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Volunteering.Domain;

/// <summary>Refusals of teams, volunteers, activities, sessions and certificates (part of the one catalog).</summary>
internal static partial class VolunteeringErrors
{
    public static ValidationException TeamNotFound() =>
        Invalid(
            "teamId",
            "志愿服务队不存在或不在您的管理范围内。",
            "The team does not exist or is outside your organizations."
        );

    public static ValidationException VolunteerNotFound() =>
        Invalid(
            "volunteerId",
            "志愿者不存在或不在您的管理范围内。",
            "The volunteer does not exist or is outside your organizations."
        );

    public static ValidationException MemberNotFound() =>
        Invalid(
            "memberId",
            "党员不在册，或既不属于您管理的党组织，也未向其中的社区报到。",
            "The member is not on the register, or neither belongs to nor reports to a community of your "
                + "organizations."
        );

    public static BusinessRuleException TeamNameTaken() =>
        Rule(
            "team_name_taken",
            "name",
            "该党组织下已有同名志愿服务队。",
            "The organization already has a team of this name."
        );

    public static BusinessRuleException MemberAlreadyVolunteer() =>
        Rule(
            "volunteer_already_registered",
            "memberId",
            "该党员已登记为志愿者。",
            "This member is already registered as a volunteer."
        );

    public static BusinessRuleException AlreadyInTeam() =>
        Rule("team_member_exists", "volunteerId", "该志愿者已在本服务队中。", "The volunteer is already in this team.");

    public static BusinessRuleException LeaderNotInTeam() =>
        Rule(
            "leader_not_in_team",
            "volunteerId",
            "队长须先加入本服务队。",
            "The leader must be a member of the team first."
        );

    public static BusinessRuleException ActivityFull(int quota) =>
        new(
            "activity_full",
            $"活动名额（{quota} 人）已满。",
            $"The activity is full ({quota} places).",
            new Dictionary<string, object?> { ["quota"] = quota }
        );

    public static BusinessRuleException ActivityOver() =>
        new(
            "activity_over",
            "活动已结束，不能再报名；事后记录请走补录。",
            "The activity is over; record it as a late entry."
        );

    public static BusinessRuleException AlreadySignedUp() =>
        Rule("already_signed_up", "volunteerId", "该志愿者已报名本活动。", "The volunteer has already signed up.");

    public static BusinessRuleException SessionOverlaps() =>
        Rule(
            "session_overlaps",
            "volunteerId",
            "该志愿者同一时段已有其他服务，同一人的服务时段不能重叠。",
            "The volunteer already serves elsewhere at that time; one person's sessions cannot overlap."
        );

    public static BusinessRuleException WrongSessionState(SessionState state, IReadOnlyList<string> allowed) =>
        new(
            "session_wrong_state",
            $"当前状态为“{Labels.Text(state)}”，不能进行此操作。",
            $"The session is {state}; this step is not possible now.",
            new Dictionary<string, object?> { ["state"] = state.ToString(), ["allowedSteps"] = allowed }
        );

    public static BusinessRuleException CheckInNotOpen() =>
        new(
            "check_in_not_open",
            "签到时间须在活动开始前 1 小时到活动结束之间。",
            "Check-in is open from an hour before the activity starts until it ends."
        );

    public static BusinessRuleException SiteCodeWrong() =>
        Rule(
            "site_code_wrong",
            "code",
            "现场动态码不正确或已过期，请看现场最新的码。",
            "The code is wrong or has expired; read the latest one at the place."
        );

    public static BusinessRuleException NoShowTooEarly() =>
        new(
            "no_show_too_early",
            "活动开始后才能记为未到。",
            "A no-show can be recorded only after the activity starts."
        );

    public static BusinessRuleException LateEntryNotPast() =>
        new(
            "late_entry_not_past",
            "活动尚未结束，请用签到签退记录；补录只用于已结束的活动。",
            "The activity has not ended: use check-in and check-out; late entries are for past activities."
        );

    public static BusinessRuleException LateEntrySelfApproval() =>
        new(
            "late_entry_self_approval",
            "补录须由录入人以外的协调员审核（谁记录谁证明）。",
            "A late entry must be approved by a coordinator other than the one who entered it."
        );

    public static BusinessRuleException CertificateWithoutHours() =>
        new(
            "certificate_without_hours",
            "该志愿者还没有记录的服务时长，不能出具证明。",
            "The volunteer has no recorded hours, so no certificate can be issued."
        );

    private static BusinessRuleException Rule(string code, string field, string chinese, string english) =>
        new(code, chinese, english, new Dictionary<string, object?> { ["field"] = field });
}
