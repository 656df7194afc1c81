using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.GetShareCertificate;

/// What the printed share certificate (股权证) of a household shows: the collective, the household and its head, each
/// member's shares by type on the day (the register's own query), and the household's totals. ID numbers masked.
internal sealed record GetShareCertificateQuery(Guid HouseholdId, DateOnly? AsOf) : IQuery<ShareCertificate>;

internal sealed record CertificateShare(Guid ShareTypeId, string ShareTypeName, long Quantity);

internal sealed record CertificateMember(
    Guid MemberId,
    string Name,
    string IdNumberMasked,
    IReadOnlyList<CertificateShare> Shares
);

internal sealed record ShareCertificate(
    string CertificateNo,
    Guid CollectiveId,
    string CollectiveName,
    string CreditCode,
    ShareManagement ShareManagement,
    Guid HouseholdId,
    string HouseholdNumber,
    string? Address,
    string? HeadName,
    DateOnly AsOf,
    IReadOnlyList<CertificateMember> Members,
    IReadOnlyList<CertificateShare> Totals
);

internal sealed class GetShareCertificateHandler(DbSession db, CurrentScope currentScope, TimeProvider clock)
    : IQueryHandler<GetShareCertificateQuery, ShareCertificate>
{
    private const string HouseholdSql = """
        SELECT h.id, h.collective_id, h.number, h.address, h.head_member_id, hm.name AS head_name
        FROM collective_households h LEFT JOIN collective_members hm ON hm.id = h.head_member_id
        WHERE h.id = @id AND h.org_path >= @from AND h.org_path < @to
        """;

    public async ValueTask<ShareCertificate> Handle(GetShareCertificateQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var household =
            await db.QuerySingleOrDefaultAsync<HouseholdRow>(
                HouseholdSql,
                new
                {
                    id = query.HouseholdId,
                    from = scope.From,
                    to = scope.To,
                },
                cancellationToken
            ) ?? throw new NotFoundException("Household");
        var collective = await Collectives.FindAsync(db, scope, household.CollectiveId, cancellationToken);
        var asOf = query.AsOf ?? clock.Today();
        var holdings = (
            await ShareRegister.HouseholdAsOfAsync(db, collective.Id, household.Id, asOf, cancellationToken)
        )
            .Where(h => h.Quantity > 0)
            .ToList();
        // The head on the first line, as a certificate is written; the others in the register's stable order.
        var members = holdings
            .GroupBy(h => h.MemberId)
            .OrderBy(g => g.Key != household.HeadMemberId)
            .Select(g => new CertificateMember(
                g.Key,
                g.First().MemberName,
                g.First().IdNumberMasked,
                g.Select(h => new CertificateShare(h.ShareTypeId, h.ShareTypeName, h.Quantity)).ToList()
            ))
            .ToList();
        var totals = holdings
            .GroupBy(h => (h.ShareTypeId, h.ShareTypeName))
            .Select(g => new CertificateShare(g.Key.ShareTypeId, g.Key.ShareTypeName, g.Sum(h => h.Quantity)))
            .ToList();
        return new ShareCertificate(
            $"{collective.CreditCode}-{household.Number}",
            collective.Id,
            collective.Name,
            collective.CreditCode,
            collective.ShareManagement,
            household.Id,
            household.Number,
            household.Address,
            household.HeadName,
            asOf,
            members,
            totals
        );
    }

    private sealed record HouseholdRow
    {
        public Guid Id { get; init; }
        public Guid CollectiveId { get; init; }
        public string Number { get; init; } = "";
        public string? Address { get; init; }
        public Guid? HeadMemberId { get; init; }
        public string? HeadName { get; init; }
    }
}
