using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Assistance.Domain;

/// <summary>
/// The care fund's pure rules (DOMAIN.md §5), each a plain function of its inputs: the amount band of a category,
/// the approval tier an amount requires, the yearly cap per person, the notice period, the old-member rule and the
/// separation of duties.
/// </summary>
internal static class ApplicationRules
{
    /// <summary>Within the category's band [minimum, category maximum], both ends included.</summary>
    public static bool WithinBand(Money amount, AssistanceRules rules, AssistanceCategory category) =>
        amount >= Money.FromYuan(rules.MinimumAmountYuan.Value) && amount <= Money.FromYuan(rules.MaxYuanOf(category));

    /// <summary>Up to the threshold (included) the street approves; above it the district too.</summary>
    public static ApprovalTier TierFor(Money amount, AssistanceRules rules) =>
        amount <= Money.FromYuan(rules.StreetApprovalUpToYuan.Value) ? ApprovalTier.Street : ApprovalTier.District;

    /// <summary>What the person may still receive this year: the cap less every payment already made to them.</summary>
    public static Money RemainingUnderCap(Money paidThisYear, AssistanceRules rules)
    {
        var left = Money.FromYuan(rules.YearlyCapPerPersonYuan.Value) - paidThisYear;
        return left < Money.Zero ? Money.Zero : left;
    }

    /// <summary>The in-party notice runs at least the region's days, both ends counted.</summary>
    public static bool NoticeLongEnough(DateOnly from, DateOnly to, AssistanceRules rules) =>
        to.DayNumber - from.DayNumber + 1 >= rules.ReviewNoticeDays.Value;

    /// <summary>Approval waits until the notice has ended (the day after its last day).</summary>
    public static bool NoticeOver(DateOnly noticeTo, DateOnly today) => today > noticeTo;

    /// <summary>The old-member rule: the age and the years of party standing, both reached on the day.</summary>
    public static bool OldMemberEligible(DateOnly birthDate, DateOnly? joinedOn, DateOnly day, AssistanceRules rules) =>
        joinedOn is { } joined
        && birthDate.AddYears(rules.OldMemberMinAge.Value) <= day
        && joined.AddYears(rules.OldMemberMinStandingYears.Value) <= day;

    /// <summary>
    /// Separation of duties: the one acting must be none of those who acted before on the same application (the
    /// applicant, the preparer, each approver, the payer). Unknown people (the system) are not compared.
    /// </summary>
    public static bool DifferentPerson(Guid? actor, params Guid?[] earlier) =>
        actor is null || !earlier.Any(e => e == actor);
}
