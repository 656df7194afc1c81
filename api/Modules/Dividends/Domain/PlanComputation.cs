using System.Globalization;
using System.Text.Json;
using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Dividends.Domain;

/// One part of a plan as a form sends it. Pool for by-shares; Amount for the fixed methods; Weights by share type id
/// (a type left out weighs nothing); MinAge limits the part to members of at least that age on the cut-off date
/// (a pension for elderly members, as 三海社区 paid).
internal sealed record PlanPartRequest(
    PlanPartKind? Kind,
    string? Label,
    PayoutMethod? Method,
    PayeeUnit? PayeeUnit,
    Money? Pool,
    Money? Amount,
    IReadOnlyDictionary<Guid, decimal>? Weights,
    int? MinAge
);

/// The terms of a plan, shared by its preview, its creation and a new version.
internal sealed record PlanTermsRequest(
    Guid? CollectiveId,
    int? Year,
    string? Title,
    DateOnly? CutOffOn,
    IReadOnlyList<PlanPartRequest>? Parts
);

internal sealed class PlanTermsValidator : AbstractValidator<PlanTermsRequest>
{
    public PlanTermsValidator()
    {
        RuleFor(t => t.CollectiveId).NotNull();
        RuleFor(t => t.Year).NotNull().InclusiveBetween(2000, 2100);
        RuleFor(t => t.Title).RequiredText().MaximumLength(100);
        RuleFor(t => t.CutOffOn).NotNull();
        RuleFor(t => t.Parts).Cascade(CascadeMode.Stop).NotNull().Must(p => p is { Count: >= 1 and <= 5 });
        RuleForEach(t => t.Parts)
            .ChildRules(part =>
            {
                part.RuleFor(p => p.Kind).NotNull().IsInEnum();
                part.RuleFor(p => p.Label).RequiredText().MaximumLength(50);
                part.RuleFor(p => p.Method).NotNull().IsInEnum();
                part.RuleFor(p => p.PayeeUnit).NotNull().IsInEnum();
                part.RuleFor(p => p.Pool)
                    .Cascade(CascadeMode.Stop)
                    .NotNull()
                    .Must(m => m!.Value.Fen is > 0 and <= 100_000_000_000)
                    .When(p => p.Method == PayoutMethod.ByShares);
                part.RuleFor(p => p.Amount)
                    .Cascade(CascadeMode.Stop)
                    .NotNull()
                    .Must(m => m!.Value.Fen is > 0 and <= 1_000_000_000)
                    .When(p =>
                        p.Method is PayoutMethod.PerPerson or PayoutMethod.PerHousehold or PayoutMethod.PerShare
                    );
                part.RuleFor(p => p.Weights)
                    .Cascade(CascadeMode.Stop)
                    .NotNull()
                    .Must(w => w!.Count is >= 1 and <= 20 && w.Values.Any(v => v > 0))
                    .Must(w => w!.Values.All(v => v >= 0 && v <= 1000 && decimal.Round(v, PayoutEngine.Decimals) == v))
                    .When(p => p.Method == PayoutMethod.ByShares);
                part.RuleFor(p => p.MinAge).InclusiveBetween(0, 120);
            });
    }
}

/// A computed plan: its parts with their payout lines, as previewed or saved.
internal sealed record ComputedPart(
    int PartNo,
    PlanPartRequest Request,
    long PoolFen,
    IReadOnlyList<ComputedLine> Lines
);

internal sealed record ComputedLine(
    int LineNo,
    int PartNo,
    Guid PayeeId,
    PayeeUnit Unit,
    Guid HouseholdId,
    string Name,
    string? IdNumberMasked,
    decimal Units,
    decimal Rate,
    decimal Exact,
    long BaseFen,
    long RemainderFen,
    long AmountFen
);

/// The register as of the plan's cut-off date (a snapshot: share changes dated after it do not count) turned into
/// payout lines by <see cref="PayoutEngine"/>.
internal static class PlanComputation
{
    private const string ShareTypesSql = "SELECT id FROM collective_share_types WHERE collective_id = @id";

    // Members on the register on the cut-off date (a death or departure recorded after it still counts); their
    // shares then come from the register's own sums (ShareRegister.QuantitiesAsOfAsync).
    private const string MembersSql = """
        SELECT id AS person_id, household_id, name, id_number_masked, birth_date
        FROM collective_members
        WHERE collective_id = @id AND (status = 'Active' OR status_on > @cutOffOn)
        """;

    private const string HouseholdsSql = """
        SELECT h.id, h.number, hm.name AS head_name, hm.id_number_masked AS head_id_number_masked
        FROM collective_households h LEFT JOIN collective_members hm ON hm.id = h.head_member_id
        WHERE h.collective_id = @id
        """;

    /// <summary>The collective a plan's terms name, inside the caller's scope; a 400 on collectiveId otherwise.
    /// </summary>
    public static async Task<CollectiveRecord> CollectiveAsync(
        DbSession db,
        DataScope scope,
        Guid id,
        CancellationToken cancellationToken
    ) =>
        await Collectives.FindOrNullAsync(db, scope, id, cancellationToken)
        ?? throw DividendsErrors.PlanCollectiveNotFound();

    public static async Task<IReadOnlyList<ComputedPart>> ComputeAsync(
        DbSession db,
        Guid collectiveId,
        PlanTermsRequest terms,
        CancellationToken cancellationToken
    )
    {
        var cutOffOn = terms.CutOffOn!.Value;
        // Each share type's key as the engine knows it, made once (not once per holding).
        var types = (
            await db.QueryAsync<Guid>(ShareTypesSql, new { id = collectiveId }, cancellationToken)
        ).ToDictionary(t => t, t => t.ToString());
        // Rows read straight off the reader: mapping 300,000 rows to objects took most of a 100,000-member plan.
        var members = new List<SnapshotRow>();
        await db.ReadAsync(
            MembersSql,
            new { id = collectiveId, cutOffOn },
            r =>
                members.Add(
                    new SnapshotRow(
                        r.GetGuid(0),
                        r.GetGuid(1),
                        r.GetString(2),
                        r.IsDBNull(3) ? null : r.GetString(3),
                        DateOf(r.GetValue(4))
                    )
                ),
            cancellationToken
        );
        var index = new Dictionary<Guid, int>(members.Count);
        for (var m = 0; m < members.Count; m++)
        {
            index[members[m].PersonId] = m;
        }
        var shares = new Dictionary<string, decimal>[members.Count];
        await ShareRegister.QuantitiesAsOfAsync(
            db,
            collectiveId,
            cutOffOn,
            (member, type, quantity) =>
            {
                if (index.TryGetValue(member, out var m))
                {
                    (shares[m] ??= new Dictionary<string, decimal>(2))[
                        types.GetValueOrDefault(type) ?? type.ToString()
                    ] = Math.Max(0, quantity);
                }
            },
            cancellationToken
        );
        var people = members.Select((m, i) => (Row: m, Shares: shares[i] ?? NoShares)).ToList();
        // A household's name and its head's masked number name a household's line, or a person's without a number.
        var households =
            terms.Parts!.Any(p => p.Method == PayoutMethod.PerHousehold || p.PayeeUnit == PayeeUnit.Household)
            || members.Any(m => m.IdNumberMasked is null)
                ? (
                    await db.QueryAsync<HouseholdRow>(HouseholdsSql, new { id = collectiveId }, cancellationToken)
                ).ToDictionary(h => h.Id)
                : [];
        var parts = new List<ComputedPart>();
        var lineNo = 0;
        for (var i = 0; i < terms.Parts!.Count; i++)
        {
            var request = terms.Parts[i];
            var weights = request.Weights ?? new Dictionary<Guid, decimal>();
            if (request.Method == PayoutMethod.ByShares && weights.Keys.Any(k => !types.ContainsKey(k)))
            {
                throw DividendsErrors.PlanShareTypeUnknown(i);
            }
            var weightByKey = weights.ToDictionary(w => w.Key.ToString(), w => w.Value);
            var eligible = people
                .Where(p => request.MinAge is not { } minAge || AgeOn(p.Row.BirthDate, cutOffOn) >= minAge)
                .Where(p =>
                    request.Method is PayoutMethod.PerPerson or PayoutMethod.PerHousehold
                    || p.Shares.Any(s =>
                        s.Value > 0
                        && (request.Method == PayoutMethod.PerShare || weightByKey.GetValueOrDefault(s.Key) > 0)
                    )
                )
                .ToList();
            if (eligible.Count == 0)
            {
                throw DividendsErrors.PlanNoRecipients(i, cutOffOn);
            }
            var unit = request.Method switch
            {
                PayoutMethod.PerPerson => PayeeUnit.Person,
                PayoutMethod.PerHousehold => PayeeUnit.Household,
                _ => request.PayeeUnit!.Value,
            };
            var result = PayoutEngine.ComputePart(
                new PayoutPart(
                    i.ToString(CultureInfo.InvariantCulture),
                    request.Method!.Value,
                    unit,
                    request.Pool?.Fen ?? 0,
                    request.Amount?.Fen ?? 0,
                    weightByKey,
                    eligible.Select(p => new PayoutRecipient(p.Row.PersonId, p.Row.HouseholdId, p.Shares)).ToList()
                )
            );
            var lines = result
                .Lines.Select(l =>
                {
                    var person = index.TryGetValue(l.PayeeId, out var m) ? members[m] : null;
                    var household = households.GetValueOrDefault(person?.HouseholdId ?? l.PayeeId);
                    return new ComputedLine(
                        ++lineNo,
                        i,
                        l.PayeeId,
                        l.Unit,
                        person?.HouseholdId ?? l.PayeeId,
                        person?.Name ?? household?.HeadName ?? household?.Number ?? "",
                        // A household's line is signed for by its head (户主), whose masked number identifies it.
                        person?.IdNumberMasked
                            ?? household?.HeadIdNumberMasked,
                        l.Units,
                        l.RateFen,
                        l.ExactFen,
                        l.BaseFen,
                        l.RemainderFen,
                        l.AmountFen
                    );
                })
                .ToList();
            parts.Add(new ComputedPart(i, request, result.PoolFen, lines));
        }
        return parts;
    }

    public static string WeightsJson(PlanPartRequest part) =>
        JsonSerializer.Serialize(part.Weights ?? new Dictionary<Guid, decimal>());

    public static string Text(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static int AgeOn(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        return birth.AddYears(age) > on ? age - 1 : age;
    }

    private static readonly Dictionary<string, decimal> NoShares = [];

    // As the Dapper handler reads a date: text on SQLite, a date (DateTime) on the other engines.
    private static DateOnly DateOf(object value) =>
        value switch
        {
            DateOnly date => date,
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            string text => DateOnly.Parse(text, CultureInfo.InvariantCulture),
            _ => throw new InvalidCastException($"Cannot read {value.GetType()} as a date."),
        };

    private sealed record SnapshotRow(
        Guid PersonId,
        Guid HouseholdId,
        string Name,
        string? IdNumberMasked,
        DateOnly BirthDate
    );

    private sealed record HouseholdRow
    {
        public Guid Id { get; init; }
        public string Number { get; init; } = "";
        public string? HeadName { get; init; }
        public string? HeadIdNumberMasked { get; init; }
    }
}

/// A payout line as the preview and the plan's line list answer: the arithmetic that explains it.
internal sealed record PlanLineView(
    int LineNo,
    int PartNo,
    Guid PayeeId,
    PayeeUnit PayeeUnit,
    Guid HouseholdId,
    string Name,
    string? IdNumberMasked,
    string Units,
    string Rate,
    string Exact,
    Money Base,
    Money Remainder,
    Money Amount
)
{
    public static PlanLineView From(ComputedLine l) =>
        new(
            l.LineNo,
            l.PartNo,
            l.PayeeId,
            l.Unit,
            l.HouseholdId,
            l.Name,
            l.IdNumberMasked,
            PlanComputation.Text(l.Units),
            PlanComputation.Text(l.Rate),
            PlanComputation.Text(l.Exact),
            Money.FromFen(l.BaseFen),
            Money.FromFen(l.RemainderFen),
            Money.FromFen(l.AmountFen)
        );
}
