using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Assistance.Domain;

/// <summary>
/// The yearly cap per person (DOMAIN.md §5), checked the same way wherever the fund pays a person: an application
/// when submitted and when paid, visit money, a condolence. It counts every kind of payment made to the person in
/// the calendar year of the day paid.
/// </summary>
internal static class YearlyCap
{
    /// <summary>409 yearly_cap_exceeded, on <paramref name="field"/>, when the amount is more than what is left.
    /// </summary>
    public static async Task EnsureWithinAsync(
        DbSession db,
        Guid memberId,
        Money amount,
        DateOnly paidOn,
        AssistanceRules rules,
        string field,
        CancellationToken cancellationToken
    )
    {
        var paid = await FundLedger.PaidToMemberAsync(
            db,
            memberId,
            new DateOnly(paidOn.Year, 1, 1),
            new DateOnly(paidOn.Year + 1, 1, 1),
            cancellationToken
        );
        var remaining = ApplicationRules.RemainingUnderCap(paid, rules);
        if (amount > remaining)
        {
            throw AssistanceErrors.YearlyCapExceeded(
                Money.FromYuan(rules.YearlyCapPerPersonYuan.Value),
                paid,
                amount,
                remaining,
                field
            );
        }
    }
}
