using FluentValidation;
using FluentValidation.Results;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Http;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Members.Domain;

/// <summary>
/// The Members module's refusals, each with its stable code, its zh-CN and en-US text and its details: 409s as
/// <see cref="BusinessRuleException"/> (a refusal about one request field names it as <c>field</c>), and the
/// 400s that need the database to decide, keyed by their field. No other file of the module creates them.
/// </summary>
internal static class MemberErrors
{
    /// <param name="status">the status read, when known (a write that lost a race only knows the person left the
    /// register)</param>
    public static BusinessRuleException NotActive(MemberStatus? status = null) =>
        new(
            "member_not_active",
            "此人已不在册（已去世、转出或取消资格）。",
            "This person is no longer on the active register (deceased, transferred out or cancelled).",
            status is { } known ? new Dictionary<string, object?> { ["memberStatus"] = known.ToString() } : null
        );

    public static BusinessRuleException Exists() =>
        new(
            "member_exists",
            "该公民身份号码的人员已在党员库中。",
            "A person with this ID number is already registered."
        );

    /// <summary>
    /// The only answer about a number registered outside the caller's scope: where, who and since when stay unsaid.
    /// </summary>
    public static BusinessRuleException RegisteredElsewhere() =>
        new(
            "member_registered_elsewhere",
            "此人已在其他党组织登记，请通过组织关系转接办理。",
            "This person is registered elsewhere; a transfer is needed."
        );

    public static BusinessRuleException ImportHitsOtherRegions(int limit) =>
        new(
            "import_registered_elsewhere",
            $"文件中超过 {limit} 人已在其他党组织登记，整个文件未予检查或导入；请通过组织关系转接办理。",
            $"More than {limit} people in the file are registered elsewhere, so the file was refused as a whole; "
                + "they need transfers.",
            new Dictionary<string, object?> { ["limit"] = limit }
        );

    public static ValidationException OrganizationNotFound() =>
        Invalid(
            "organizationId",
            "党组织不存在、已撤销或不在您的管理范围内。",
            "The organization does not exist, is dissolved, or is outside your organizations."
        );

    // The member's organization and its dissolution

    public static BusinessRuleException OrganizationHasMembers(long count) =>
        new(
            "organization_has_members",
            $"该党组织还有 {count} 名党员（含发展对象等），请先转出后再撤销。",
            $"The organization still has {count} members (including people in the pipeline); transfer them out first.",
            new Dictionary<string, object?> { ["members"] = count }
        );

    public static BusinessRuleException OrganizationHasPendingTransfers(long count) =>
        new(
            "organization_has_pending_transfers",
            $"还有 {count} 份转入该党组织的介绍信尚未回执，请先办结。",
            $"{count} transfer letters to this organization await receipt; settle them first.",
            new Dictionary<string, object?> { ["transfers"] = count }
        );

    // The development pipeline

    public static BusinessRuleException WrongStage(MemberStage expected, MemberStage actual) =>
        new(
            "wrong_stage",
            $"这一步只能在“{MemberSheets.Chinese(expected)}”阶段办理，此人目前是“{MemberSheets.Chinese(actual)}”。",
            $"This step is taken at the {expected} stage; the person is at {actual}.",
            new Dictionary<string, object?> { ["expectedStage"] = expected.ToString(), ["stage"] = actual.ToString() }
        );

    public static BusinessRuleException Changed() =>
        new(
            "member_changed",
            "此人的记录刚被他人修改，请刷新后重试。",
            "Someone else just changed this member's record; reload and try again."
        );

    /// <summary>
    /// A step dated before its interval allows: the earliest date, the rule, and the request field with the date.
    /// </summary>
    public static BusinessRuleException TooEarly(PipelineInterval interval, string? field)
    {
        var earliest = interval.EarliestOn;
        var (code, chinese, english) = interval.Kind switch
        {
            PipelineIntervalKind.Activist => (
                "activist_too_early",
                $"递交入党申请书满 {interval.Rule.Value} 个月后方可确定为入党积极分子，最早 {earliest:yyyy-MM-dd}。",
                $"An applicant may become an activist {interval.Rule.Value} months after applying, "
                    + $"on {earliest:yyyy-MM-dd} at the earliest."
            ),
            PipelineIntervalKind.Candidate => (
                "candidate_too_early",
                $"入党积极分子经过 {interval.Rule.Value} 个月以上培养考察方可确定为发展对象，最早 {earliest:yyyy-MM-dd}。",
                $"An activist may become a candidate after {interval.Rule.Value} months, "
                    + $"on {earliest:yyyy-MM-dd} at the earliest."
            ),
            PipelineIntervalKind.Admission => (
                "admission_too_early",
                $"支部大会应在公示期满后召开，最早 {earliest:yyyy-MM-dd}。",
                $"The branch meeting votes after the public notice, on {earliest:yyyy-MM-dd} at the earliest."
            ),
            _ => (
                "conversion_too_early",
                $"预备期满方可转正，最早 {earliest:yyyy-MM-dd}。",
                $"Conversion comes at the end of probation, on {earliest:yyyy-MM-dd} at the earliest."
            ),
        };
        return TooEarly(code, earliest, interval.Rule.Source, chinese, english, field);
    }

    public static BusinessRuleException TooYoungToApply(DateOnly earliest, NumberRule minimumAge) =>
        TooEarly(
            "too_young_to_apply",
            earliest,
            minimumAge.Source,
            $"申请入党时须年满 {minimumAge.Value} 周岁，最早可于 {earliest:yyyy-MM-dd} 申请。",
            $"Applicants must be at least {minimumAge.Value}; the earliest application date is {earliest:yyyy-MM-dd}.",
            "appliedOn"
        );

    public static BusinessRuleException TalkRecorded(DateOnly held) =>
        new(
            "talk_recorded",
            $"已于 {held:yyyy-MM-dd} 谈话。",
            $"The talk was held on {held:yyyy-MM-dd}.",
            new Dictionary<string, object?> { ["talkOn"] = held.ToString("yyyy-MM-dd") }
        );

    public static ValidationException TalkBeforeApplication(DateOnly appliedOn) =>
        Invalid(
            "talkOn",
            $"谈话不能早于递交申请（{appliedOn:yyyy-MM-dd}）。",
            $"The talk cannot come before the application ({appliedOn:yyyy-MM-dd})."
        );

    public static BusinessRuleException TalkTooLate(DateOnly latest) =>
        new(
            "talk_too_late",
            $"应在收到入党申请书后一个月内谈话，最晚 {latest:yyyy-MM-dd}；补记须说明理由。",
            $"The talk is due within a month of the application, by {latest:yyyy-MM-dd}; "
                + "recording a later one needs a reason.",
            new Dictionary<string, object?>
            {
                ["latestOn"] = latest.ToString("yyyy-MM-dd"),
                ["rule"] = PipelineRules.TalkWithinAMonthSource,
                ["field"] = "talkOn",
            }
        );

    public static BusinessRuleException IntroducerNotFullMember() =>
        Rule(
            "introducer_not_full_member",
            PipelineRules.TwoFullMembersIntroduceSource,
            "入党介绍人须是两名正式党员（预备党员不能作介绍人）。",
            "Both introducers must be full members (probationary members cannot introduce).",
            "introducerIds"
        );

    public static BusinessRuleException TrainingTooShort(NumberRule minimumHours) =>
        Rule(
            "training_too_short",
            minimumHours.Source,
            $"集中培训不少于 {minimumHours.Value} 个学时。",
            $"Training must last at least {minimumHours.Value} class hours.",
            "trainingHours"
        );

    public static BusinessRuleException NoticeTooShort(NumberRule minimumDays, int days) =>
        Rule(
            "notice_too_short",
            minimumDays.Source,
            $"公示期不少于 {minimumDays.Value} 个工作日（本次 {days} 个）。",
            $"The public notice lasts at least {minimumDays.Value} working days (this one {days})."
        );

    public static ValidationException PreReviewBeforeCandidacy(DateOnly? candidateOn) =>
        Invalid(
            "preReviewedOn",
            $"预审对象是发展对象，不能早于确定为发展对象之日（{candidateOn:yyyy-MM-dd}）。",
            $"The pre-review is of a candidate: not before the candidate decision ({candidateOn:yyyy-MM-dd})."
        );

    public static BusinessRuleException VoteNotPassed(int votesFor, int entitledVoters) =>
        Rule(
            "vote_not_passed",
            PipelineRules.MajorityOfEntitledVotersSource,
            $"赞成 {votesFor} 票，未超过有表决权的 {entitledVoters} 名正式党员的半数，决议未通过。",
            $"{votesFor} yes votes are not more than half of the {entitledVoters} members entitled to vote: "
                + "not passed.",
            "votesFor"
        );

    public static BusinessRuleException ApprovalTooLate(DateOnly latest, NumberRule withinMonths) =>
        new(
            "approval_too_late",
            $"上级党委应在支部大会后 {withinMonths.Value} 个月内审批，最晚 {latest:yyyy-MM-dd}。",
            $"The higher committee approves within {withinMonths.Value} months of the vote, by {latest:yyyy-MM-dd}.",
            new Dictionary<string, object?>
            {
                ["latestOn"] = latest.ToString("yyyy-MM-dd"),
                ["rule"] = withinMonths.Source,
                ["field"] = "approvedOn",
            }
        );

    public static BusinessRuleException ProbationNotEnded(DateOnly endsOn) =>
        TooEarly(
            "probation_not_ended",
            endsOn,
            PipelineRules.DecidedWhenProbationEndsSource,
            $"延长预备期或取消预备党员资格，应在预备期满时讨论决定，最早 {endsOn:yyyy-MM-dd}。",
            $"An extension or cancellation is decided when the probation ends, on {endsOn:yyyy-MM-dd} at the earliest.",
            "meetingOn"
        );

    public static BusinessRuleException MeetingNotQuorate(int attended, int entitledVoters) =>
        Rule(
            "meeting_not_quorate",
            PipelineRules.MeetingQuorumSource,
            $"到会 {attended} 人，未超过应到会有表决权的 {entitledVoters} 名正式党员的半数，支部大会不能召开。",
            $"{attended} attended, not more than half of the {entitledVoters} members entitled to vote: "
                + "the meeting could not be held.",
            "attended"
        );

    public static BusinessRuleException ConversionApprovalTooLate(DateOnly latest) =>
        new(
            "approval_too_late",
            $"上级党组织应在支部大会后 {PipelineRules.ConversionApprovalWithinMonths} 个月内审批转正，"
                + $"最晚 {latest:yyyy-MM-dd}；逾期审批须说明理由。",
            $"The higher committee approves a conversion within {PipelineRules.ConversionApprovalWithinMonths} "
                + $"months of the meeting, by {latest:yyyy-MM-dd}; a later approval needs a reason.",
            new Dictionary<string, object?>
            {
                ["latestOn"] = latest.ToString("yyyy-MM-dd"),
                ["rule"] = PipelineRules.ConversionApprovalWithinMonthsSource,
                ["field"] = "approvedOn",
            }
        );

    public static BusinessRuleException AlreadyExtended(NumberRule maximumMonths) =>
        Rule("already_extended", maximumMonths.Source, "预备期只能延长一次。", "Probation can be extended only once.");

    public static BusinessRuleException ExtensionOutOfRange(NumberRule minimumMonths, NumberRule maximumMonths) =>
        Rule(
            "extension_out_of_range",
            maximumMonths.Source,
            $"预备期延长 {minimumMonths.Value} 至 {maximumMonths.Value} 个月。",
            $"Probation is extended by {minimumMonths.Value} to {maximumMonths.Value} months.",
            "months"
        );

    // Death, transfers, hardship, 双报到 and meetings

    public static ValidationException DiedBeforeBirth() =>
        Invalid("diedOn", "去世日期不能早于出生日期。", "The date of death cannot be before the birth date.");

    /// <summary>
    /// A valid letter awaits receipt: a second letter, or a death, waits until the transfer is received, withdrawn or
    /// expired.
    /// </summary>
    public static BusinessRuleException TransferPending() =>
        new(
            "transfer_pending",
            "此人有一份尚未回执且仍在有效期内的组织关系介绍信，请先办结或撤回。",
            "A valid transfer letter for this person awaits receipt; settle or withdraw it first."
        );

    public static ValidationException ReceivingOrganizationNotFound() =>
        Invalid(
            "toOrganizationId",
            "接收党组织不存在或已撤销。",
            "The receiving organization does not exist or is dissolved."
        );

    public static ValidationException TransferToOwnOrganization() =>
        Invalid("toOrganizationId", "不能转入本党组织。", "A member cannot be transferred to their own organization.");

    public static ValidationException ReceivedBeforeIssued(DateOnly issuedOn) =>
        Invalid(
            "receivedOn",
            $"回执日期不能早于开具日期 {issuedOn:yyyy-MM-dd}。",
            $"The receipt cannot be dated before the letter's issue date, {issuedOn:yyyy-MM-dd}."
        );

    public static BusinessRuleException ReceivingOrganizationDissolved() =>
        new(
            "receiving_organization_dissolved",
            "接收党组织已撤销，请转出方重新开具介绍信。",
            "The receiving organization has been dissolved; the sending organization must issue a new letter."
        );

    public static BusinessRuleException TransferClosed() =>
        new("transfer_closed", "这份介绍信已回执。", "This letter has already been received.");

    public static BusinessRuleException LetterExpired(DateOnly validUntil) =>
        new(
            "letter_expired",
            $"介绍信已于 {validUntil:yyyy-MM-dd} 过期，请转出方重新开具。",
            $"The letter expired on {validUntil:yyyy-MM-dd}; the sending organization must issue a new one.",
            new Dictionary<string, object?> { ["validUntil"] = validUntil.ToString("yyyy-MM-dd") }
        );

    public static BusinessRuleException TransferWithdrawn(DateOnly? withdrawnOn) =>
        new(
            "transfer_withdrawn",
            $"这份介绍信已于 {withdrawnOn:yyyy-MM-dd} 撤回。",
            $"This letter was withdrawn on {withdrawnOn:yyyy-MM-dd}.",
            new Dictionary<string, object?> { ["withdrawnOn"] = withdrawnOn?.ToString("yyyy-MM-dd") }
        );

    public static BusinessRuleException TransferSuperseded() =>
        new(
            "transfer_superseded",
            "这份介绍信已过期，转出方已为此人重新开具介绍信。",
            "This letter expired and a newer one has been issued for this person."
        );

    public static ValidationException WithdrawnBeforeIssued(DateOnly issuedOn) =>
        Invalid(
            "withdrawnOn",
            $"撤回日期不能早于开具日期 {issuedOn:yyyy-MM-dd}。",
            $"The withdrawal cannot be dated before the letter's issue date, {issuedOn:yyyy-MM-dd}."
        );

    public static BusinessRuleException HardshipOpen() =>
        new(
            "hardship_open",
            "此人已在困难党员名册上，请先结束当前记录。",
            "The member is already on the hardship register; end the current entry first."
        );

    public static BusinessRuleException HardshipEnded() =>
        new(
            "hardship_ended",
            "这条记录已经结束，历史记录不能再修改。",
            "This entry has already ended; history is not edited."
        );

    public static ValidationException HardshipEndsBeforeStart() =>
        Invalid("until", "结束日期不能早于开始日期。", "The end cannot be before the start.");

    public static BusinessRuleException NotInService() =>
        new("not_in_service", "双报到面向在职党员。", "Reporting to a residence community is for members in service.");

    public static ValidationException CommunityNotFound() =>
        Invalid(
            "communityOrganizationId",
            "社区党组织不存在或已撤销。",
            "The community organization does not exist or is dissolved."
        );

    public static BusinessRuleException NotAResidenceCommunity(string name) =>
        new(
            "not_a_residence_community",
            $"“{name}”不是社区或村的党组织，双报到应到居住地社区（村）报到。",
            $"'{name}' is not a community's or village's organization; members report to where they live."
        );

    public static BusinessRuleException CommunityReportConflict() =>
        new(
            "community_report_conflict",
            "此人当前的报到日期晚于该日期，或报到记录刚被他人修改。",
            "The member's current report is dated after this day, or was just changed by someone else."
        );

    public static ValidationException AttendeesOutsideOrganization() =>
        Invalid(
            "attendeeIds",
            "参会人员须是本党组织的党员。",
            "Attendees must be members of the meeting's organization."
        );

    // 光荣在党50年

    public static BusinessRuleException MedalNotDue(int firstYear) =>
        new(
            "medal_not_due",
            $"此人到该年7月1日党龄不满50年（自转正之日算起），最早可于 {firstYear} 年颁发。",
            $"This person's party standing (from conversion) is under 50 years on 1 July of that year; "
                + $"the earliest year is {firstYear}.",
            new Dictionary<string, object?>
            {
                ["earliestYear"] = firstYear,
                ["rule"] = MedalRules.Source,
                ["field"] = "year",
            }
        );

    public static BusinessRuleException MedalAlreadyGiven(int year, string awardedBy) =>
        new(
            "medal_already_given",
            $"此人已于 {year} 年获颁“光荣在党50年”纪念章（{awardedBy}）。",
            $"This person was given the 50-years medal in {year} ({awardedBy}).",
            new Dictionary<string, object?> { ["medalYear"] = year, ["field"] = "year" }
        );

    private static BusinessRuleException TooEarly(
        string code,
        DateOnly earliestOn,
        string rule,
        string chinese,
        string english,
        string? field
    )
    {
        var details = new Dictionary<string, object?>
        {
            ["earliestOn"] = earliestOn.ToString("yyyy-MM-dd"),
            ["rule"] = rule,
        };
        if (field is not null)
        {
            details["field"] = field;
        }
        return new(code, chinese, english, details);
    }

    private static BusinessRuleException Rule(
        string code,
        string source,
        string chinese,
        string english,
        string? field = null
    )
    {
        var details = new Dictionary<string, object?> { ["rule"] = source };
        if (field is not null)
        {
            details["field"] = field;
        }
        return new(code, chinese, english, details);
    }

    private static ValidationException Invalid(string field, string chinese, string english) =>
        new([new ValidationFailure(field, Localized.Text(chinese, english))]);
}
