using System.Globalization;
using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Dividends.Domain;

// How one part of a plan turns its pool or amount into payouts.
internal enum PayoutMethod
{
    // The part's pool split pro rata over each payee's shares, each share type weighted.
    [Label("按股份", "By shares")]
    ByShares,

    // A fixed amount for every eligible person (三海社区: 700 yuan a head).
    [Label("每人定额", "Fixed per person")]
    PerPerson,

    // A fixed amount for every household with at least one eligible person.
    [Label("每户定额", "Fixed per household")]
    PerHousehold,

    // A fixed amount for every share held; the pool is the amount times all shares, down to the 分.
    [Label("每股定额", "Fixed per share")]
    PerShare,
}

// Who receives a by-shares or per-share payout: each member, or each household for all its members.
internal enum PayeeUnit
{
    [Label("按人", "Each person")]
    Person,

    [Label("按户", "Each household")]
    Household,
}

// PersonId: The stable id that breaks ties between equal remainders.
// Shares: Shares held on the plan's cut-off date, by share type key.
internal sealed record PayoutRecipient(Guid PersonId, Guid HouseholdId, IReadOnlyDictionary<string, decimal> Shares);

// Pool: For ByShares: the 分 to split.
// Amount: For the fixed methods: the 分 a person, household or share receives.
// Weights: For ByShares: each share type's weight (absent = 0).
internal sealed record PayoutPart(
    string Key,
    PayoutMethod Method,
    PayeeUnit Unit,
    long Pool,
    long Amount,
    IReadOnlyDictionary<string, decimal> Weights,
    IReadOnlyList<PayoutRecipient> Recipients
);

// One payee's payout in one part, with the arithmetic that produced it.
// Units: Weighted shares (by shares), shares (per share) or 1 (per person, per household).
// BaseFen: The exact share rounded down.
// RemainderFen: 0 or 1: the 分 this payee received from the largest-remainder round.
// ExactFen: The exact share in 分, to at most 6 decimal places, for the explanation only.
internal sealed record PayoutLine(
    string PartKey,
    Guid PayeeId,
    PayeeUnit Unit,
    decimal Units,
    decimal RateFen,
    decimal ExactFen,
    long BaseFen,
    long RemainderFen
)
{
    public long AmountFen => BaseFen + RemainderFen;

    // "3.5 × 12.345679 分 = 43.209877 分 → 43 分 + 1 分 (remainder)": the line explains itself.
    public string Explain() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Units:0.######} × {RateFen:0.######} = {ExactFen:0.######} → {BaseFen} + {RemainderFen} = {AmountFen}"
        );
}

internal sealed record PayoutPartResult(string Key, PayoutMethod Method, long PoolFen, IReadOnlyList<PayoutLine> Lines)
{
    public long TotalFen => Lines.Sum(l => l.AmountFen);
}

// The payout arithmetic of DOMAIN.md §4: all amounts in 分; each payee's exact share rounded down, the 分 left
// over given one each by largest remainder, ties broken by the payee's id, so each part's payouts sum to its pool
// exactly and the same input (in any order) always gives the same payouts.
internal static class PayoutEngine
{
    // Shares and weights are kept to this many decimal places (the validators refuse more), so the arithmetic
    // runs on whole numbers: weighted units = shares × 10⁴ × weight × 10⁴.
    public const int Decimals = 4;

    private const long Scale = 10_000;

    public static IReadOnlyList<PayoutPartResult> Compute(IEnumerable<PayoutPart> parts) =>
        parts.Select(ComputePart).ToList();

    public static PayoutPartResult ComputePart(PayoutPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var seen = new HashSet<Guid>(part.Recipients.Count);
        foreach (var recipient in part.Recipients)
        {
            if (!seen.Add(recipient.PersonId))
            {
                throw new ArgumentException("A person appears twice in a part.", nameof(part));
            }
        }
        return part.Method switch
        {
            PayoutMethod.PerPerson => Fixed(part, part.Recipients.Select(r => r.PersonId), PayeeUnit.Person),
            PayoutMethod.PerHousehold => Fixed(
                part,
                part.Recipients.Select(r => r.HouseholdId).Distinct(),
                PayeeUnit.Household
            ),
            PayoutMethod.ByShares => ByShares(part),
            PayoutMethod.PerShare => PerShare(part),
            _ => throw new ArgumentOutOfRangeException(nameof(part), part.Method, "Unknown method."),
        };
    }

    // The pool a part pays: given for by-shares, the amount times the count otherwise.
    public static long PoolOf(PayoutPart part) => ComputePart(part).PoolFen;

    private static PayoutPartResult Fixed(PayoutPart part, IEnumerable<Guid> payees, PayeeUnit unit)
    {
        RequireNonNegative(part.Amount, nameof(part.Amount));
        var lines = payees
            .Order()
            .Select(id => new PayoutLine(part.Key, id, unit, 1m, part.Amount, part.Amount, part.Amount, 0))
            .ToList();
        return new PayoutPartResult(part.Key, part.Method, checked(part.Amount * lines.Count), lines);
    }

    private static PayoutPartResult ByShares(PayoutPart part)
    {
        RequireNonNegative(part.Pool, nameof(part.Pool));
        var weights = part.Weights.ToDictionary(w => w.Key, w => ToUnits(w.Value, "weight"));
        var payees = Payees(
            part,
            shares =>
            {
                var units = Int128.Zero;
                foreach (var (type, quantity) in shares)
                {
                    units += ToUnits(quantity, "shares") * weights.GetValueOrDefault(type);
                }
                return units;
            }
        );
        var total = payees.Aggregate(Int128.Zero, (sum, p) => sum + p.Units);
        if (total == 0)
        {
            if (part.Pool != 0)
            {
                throw new ArgumentException("A pool cannot be split over no shares.", nameof(part));
            }
            return new PayoutPartResult(part.Key, part.Method, 0, []);
        }
        // exact share = pool × units / total units; the rate is per weighted share.
        return Largest(part, part.Pool, payees, units => (Int128)part.Pool * units, total, Scale * Scale);
    }

    private static PayoutPartResult PerShare(PayoutPart part)
    {
        RequireNonNegative(part.Amount, nameof(part.Amount));
        var payees = Payees(
            part,
            shares =>
            {
                var units = Int128.Zero;
                foreach (var (_, quantity) in shares)
                {
                    units += ToUnits(quantity, "shares");
                }
                return units;
            }
        );
        var total = payees.Aggregate(Int128.Zero, (sum, p) => sum + p.Units);
        // exact share = amount × shares; with fractional shares the total may hold a fraction of a 分, and the
        // pool is what can be paid: the total rounded down.
        var pool = (long)((Int128)part.Amount * total / Scale);
        return Largest(part, pool, payees, units => (Int128)part.Amount * units, Scale, Scale);
    }

    private static List<(Guid Id, Int128 Units)> Payees(
        PayoutPart part,
        Func<IEnumerable<KeyValuePair<string, decimal>>, Int128> unitsOf
    ) =>
        part.Unit == PayeeUnit.Household
            ? part
                .Recipients.GroupBy(r => r.HouseholdId)
                .Select(g => (g.Key, g.Aggregate(Int128.Zero, (sum, r) => sum + unitsOf(r.Shares))))
                .ToList()
            : part.Recipients.Select(r => (r.PersonId, unitsOf(r.Shares))).ToList();

    // Each payee's exact share is numerator(units) / denominator 分. Σ floor ≥ pool − (payees with a remainder
    // − 1), so every 分 left over goes to a different payee: each payout is within one 分 of its exact share.
    // Arrays and one sort by id rather than queries over tuples: a 100,000-payee part took most of a second.
    private static PayoutPartResult Largest(
        PayoutPart part,
        long pool,
        List<(Guid Id, Int128 Units)> payees,
        Func<Int128, Int128> numerator,
        Int128 denominator,
        long unitScale
    )
    {
        var count = payees.Count;
        var ids = new Guid[count];
        var units = new Int128[count];
        for (var i = 0; i < count; i++)
        {
            (ids[i], units[i]) = payees[i];
        }
        // Lines in id order; ids are distinct (one person once, one household once), so the order is total.
        Array.Sort(ids, units);
        var bases = new long[count];
        var remainders = new Int128[count];
        long sum = 0;
        for (var i = 0; i < count; i++)
        {
            var n = numerator(units[i]);
            bases[i] = (long)(n / denominator);
            remainders[i] = n % denominator;
            sum += bases[i];
        }
        var left = pool - sum;
        // The largest remainders first, equal ones by id: positions are in id order, so ties go by position.
        var candidates = Enumerable.Range(0, count).Where(i => remainders[i] > 0).ToArray();
        Array.Sort(
            candidates,
            (a, b) =>
            {
                var byRemainder = remainders[b].CompareTo(remainders[a]);
                return byRemainder != 0 ? byRemainder : a.CompareTo(b);
            }
        );
        var favoured = new bool[count];
        for (var k = 0; k < Math.Min(left, candidates.Length); k++)
        {
            favoured[candidates[k]] = true;
        }
        var rate = Micro(numerator(unitScale), denominator);
        var lines = new List<PayoutLine>(count);
        for (var i = 0; i < count; i++)
        {
            lines.Add(
                new PayoutLine(
                    part.Key,
                    ids[i],
                    part.Unit,
                    ToDecimal(units[i]) / unitScale,
                    rate,
                    bases[i] + Micro(remainders[i], denominator),
                    bases[i],
                    favoured[i] ? 1 : 0
                )
            );
        }
        return new PayoutPartResult(part.Key, part.Method, pool, lines);
    }

    // A quotient to six decimal places (rounded down), for explanations only: never paid.
    private static decimal Micro(Int128 numerator, Int128 denominator) =>
        ToDecimal(numerator * 1_000_000 / denominator) / 1_000_000m;

    private static Int128 ToUnits(decimal value, string what)
    {
        if (value < 0)
        {
            throw new ArgumentException($"A negative {what} cannot be paid on.", nameof(value));
        }
        var scaled = value * Scale;
        if (scaled != decimal.Truncate(scaled))
        {
            throw new ArgumentException($"{what} has more than {Decimals} decimal places.", nameof(value));
        }
        return (Int128)scaled;
    }

    private static decimal ToDecimal(Int128 value) => (decimal)value;

    private static void RequireNonNegative(long fen, string name)
    {
        if (fen < 0)
        {
            throw new ArgumentException("An amount cannot be negative.", name);
        }
    }
}
