using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.GetFund;

/// <summary>
/// A fund as its overview shows it. The balance is the fund row's, moved by the same conditional statements that
/// post the entries (a test replays the ledger and compares), so answering it reads one row however long the ledger;
/// money in per source and out per kind is the yearly statement's (GET /funds/{id}/statement).
/// </summary>
internal sealed record FundDetailsResponse(FundResponse Fund);

/// <summary>A fund with its balance, what approvals hold, and what is free.</summary>
internal sealed record GetFundQuery(Guid Id) : IQuery<FundDetailsResponse>;

internal sealed class GetFundHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<GetFundQuery, FundDetailsResponse>
{
    public async ValueTask<FundDetailsResponse> Handle(GetFundQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var fund = await Funds.FindAsync(db, scope, query.Id, cancellationToken);
        return new(fund.ToResponse());
    }
}
