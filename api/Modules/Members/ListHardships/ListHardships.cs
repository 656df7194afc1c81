using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;

namespace Jiceng.Modules.Members.ListHardships;

/// <summary>A member's hardship history, newest first.</summary>
internal sealed record ListHardshipsQuery(Guid MemberId) : IQuery<IReadOnlyList<HardshipResponse>>;

internal sealed class ListHardshipsHandler(DbSession db, CurrentScope currentScope, TimeProvider clock)
    : IQueryHandler<ListHardshipsQuery, IReadOnlyList<HardshipResponse>>
{
    public async ValueTask<IReadOnlyList<HardshipResponse>> Handle(
        ListHardshipsQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var member = await MemberRecords.FindAsync(db, scope, query.MemberId, cancellationToken);
        var rows = await db.QueryAsync<HardshipRow>(
            Hardships.ForMemberSql,
            new { memberId = member.Id },
            cancellationToken
        );
        var today = clock.Today();
        return rows.Select(r => r.ToResponse(today)).ToList();
    }
}
