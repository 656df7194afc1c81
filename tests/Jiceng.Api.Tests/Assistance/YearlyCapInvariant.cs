using Jiceng.Infrastructure.Database;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Assistance;

/// <summary>
/// The yearly cap's count replays from the ledger: for every person and year, what is committed is what was paid
/// to them that year (less reversals) plus what active approval holds reserve for them in that year.
/// </summary>
internal static class YearlyCapInvariant
{
    public static async Task AssertCountsReplayAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var expected = new Dictionary<(Guid, int), long>();
        foreach (
            var (payee, on, amount) in await db.QueryAsync<(Guid, DateOnly, long)>(
                "SELECT payee_member_id, occurred_on, amount FROM assistance_ledger_entries "
                    + "WHERE payee_member_id IS NOT NULL AND kind IN ('Disbursement', 'Reversal')"
            )
        )
        {
            expected[(payee, on.Year)] = expected.GetValueOrDefault((payee, on.Year)) - amount;
        }
        foreach (
            var (payee, year, amount) in await db.QueryAsync<(Guid, int, long)>(
                "SELECT payee_member_id, cap_year, amount FROM assistance_fund_holds "
                    + "WHERE status = 'Active' AND payee_member_id IS NOT NULL"
            )
        )
        {
            expected[(payee, year)] = expected.GetValueOrDefault((payee, year)) + amount;
        }
        var counted = (
            await db.QueryAsync<(Guid, int, long)>("SELECT member_id, year, committed FROM assistance_member_caps")
        ).ToDictionary(r => (r.Item1, r.Item2), r => r.Item3);
        Assert.Multiple(() =>
        {
            foreach (var (key, sum) in expected)
            {
                Assert.That(counted.GetValueOrDefault(key), Is.EqualTo(sum), $"{key}: committed = paid + held");
            }
            foreach (var (key, committed) in counted.Where(c => !expected.ContainsKey(c.Key)))
            {
                Assert.That(committed, Is.Zero, $"{key}: nothing paid or held, nothing committed");
            }
        });
    }
}
