using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.GetShareRegister;

internal sealed record RegisterShare(Guid ShareTypeId, long Quantity);

internal sealed record RegisterMember(
    Guid Id,
    string Name,
    HouseholdRelation Relation,
    string Gender,
    DateOnly BirthDate,
    string IdNumberMasked,
    string? BankAccountMasked,
    string? BankName,
    CollectiveMemberStatus Status,
    DateOnly? StatusOn,
    Guid? ConfirmationId,
    IReadOnlyList<RegisterShare> Shares
);

internal sealed record RegisterHousehold(
    Guid Id,
    string Number,
    string? Address,
    Guid? HeadMemberId,
    string? HeadName,
    Guid? SplitFromId,
    DateOnly CreatedOn,
    IReadOnlyList<RegisterMember> Members
);

/// <summary>The register on a day: households with their members and each member's shares then, with totals.
/// </summary>
internal sealed record ShareRegisterResponse(
    Guid CollectiveId,
    string CollectiveName,
    string CreditCode,
    CollectiveKind Kind,
    ShareManagement ShareManagement,
    DateOnly AsOf,
    IReadOnlyList<ShareTypeResponse> ShareTypes,
    IReadOnlyList<RegisterShare> Totals,
    IReadOnlyList<RegisterHousehold> Households
);

internal sealed record GetShareRegisterQuery(Guid CollectiveId, DateOnly? AsOf, Guid? HouseholdId, string? Q)
    : IQuery<ShareRegisterResponse>;

internal sealed class GetShareRegisterValidator : AbstractValidator<GetShareRegisterQuery>
{
    public GetShareRegisterValidator() => RuleFor(q => q.Q).MaximumLength(50);
}

internal sealed class GetShareRegisterHandler(DbSession db, CurrentScope currentScope, TimeProvider clock)
    : IQueryHandler<GetShareRegisterQuery, ShareRegisterResponse>
{
    private const string HouseholdsSql = """
        SELECT id, number, address, head_member_id, split_from_id, created_on FROM collective_households
        WHERE collective_id = @collectiveId AND (@householdId IS NULL OR id = @householdId)
        ORDER BY number, id
        """;

    private const string MembersSql = """
        SELECT id, household_id, name, relation, gender, birth_date, id_number_masked, bank_account_masked,
            bank_name, status, status_on, confirmation_id
        FROM collective_members
        WHERE collective_id = @collectiveId AND (@householdId IS NULL OR household_id = @householdId)
        ORDER BY household_id, CASE WHEN relation = 'Head' THEN 0 ELSE 1 END, birth_date, id
        """;

    public async ValueTask<ShareRegisterResponse> Handle(
        GetShareRegisterQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var collective = await Collectives.FindAsync(db, scope, query.CollectiveId, cancellationToken);
        var asOf = query.AsOf ?? clock.Today();
        var parameters = new { collectiveId = collective.Id, householdId = query.HouseholdId };
        var households = await db.QueryAsync<HouseholdRow>(HouseholdsSql, parameters, cancellationToken);
        if (query.HouseholdId is not null && households.Count == 0)
        {
            throw new Infrastructure.Http.NotFoundException("Household");
        }
        var members = await db.QueryAsync<MemberRow>(MembersSql, parameters, cancellationToken);
        var holdings = await ShareRegister.AsOfAsync(db, collective.Id, asOf, cancellationToken);
        var types = await ShareTypes.ListAsync(db, collective.Id, cancellationToken);
        var sharesOf = holdings
            .GroupBy(h => h.MemberId)
            .ToDictionary(g => g.Key, g => g.Select(h => new RegisterShare(h.ShareTypeId, h.Quantity)).ToList());
        var pattern = query.Q?.Trim();
        var byHousehold = members
            .Where(m =>
                string.IsNullOrEmpty(pattern)
                || members.Any(o =>
                    o.HouseholdId == m.HouseholdId && o.Name.Contains(pattern, StringComparison.Ordinal)
                )
            )
            .GroupBy(m => m.HouseholdId)
            .ToDictionary(g => g.Key, g => g.ToList());
        var answered = households
            .Where(h =>
                string.IsNullOrEmpty(pattern)
                || h.Number.Contains(pattern, StringComparison.Ordinal)
                || byHousehold.ContainsKey(h.Id)
            )
            .Select(h =>
            {
                var own = members.Where(m => m.HouseholdId == h.Id).ToList();
                return new RegisterHousehold(
                    h.Id,
                    h.Number,
                    h.Address,
                    h.HeadMemberId,
                    own.FirstOrDefault(m => m.Id == h.HeadMemberId)?.Name,
                    h.SplitFromId,
                    h.CreatedOn,
                    own.Select(m => new RegisterMember(
                            m.Id,
                            m.Name,
                            m.Relation,
                            m.Gender,
                            m.BirthDate,
                            m.IdNumberMasked,
                            m.BankAccountMasked,
                            m.BankName,
                            m.Status,
                            m.StatusOn,
                            m.ConfirmationId,
                            sharesOf.GetValueOrDefault(m.Id) ?? []
                        ))
                        .ToList()
                );
            })
            .ToList();
        var totals = types
            .Select(t => new RegisterShare(
                t.Id,
                answered
                    .SelectMany(h => h.Members)
                    .SelectMany(m => m.Shares)
                    .Where(s => s.ShareTypeId == t.Id)
                    .Sum(s => s.Quantity)
            ))
            .ToList();
        return new(
            collective.Id,
            collective.Name,
            collective.CreditCode,
            collective.Kind,
            collective.ShareManagement,
            asOf,
            types.Select(t => t.ToResponse()).ToList(),
            totals,
            answered
        );
    }

    private sealed record HouseholdRow
    {
        public Guid Id { get; init; }
        public string Number { get; init; } = "";
        public string? Address { get; init; }
        public Guid? HeadMemberId { get; init; }
        public Guid? SplitFromId { get; init; }
        public DateOnly CreatedOn { get; init; }
    }

    private sealed record MemberRow
    {
        public Guid Id { get; init; }
        public Guid HouseholdId { get; init; }
        public string Name { get; init; } = "";
        public HouseholdRelation Relation { get; init; }
        public string Gender { get; init; } = "";
        public DateOnly BirthDate { get; init; }
        public string IdNumberMasked { get; init; } = "";
        public string? BankAccountMasked { get; init; }
        public string? BankName { get; init; }
        public CollectiveMemberStatus Status { get; init; }
        public DateOnly? StatusOn { get; init; }
        public Guid? ConfirmationId { get; init; }
    }
}
