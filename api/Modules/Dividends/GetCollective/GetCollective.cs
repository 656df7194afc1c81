using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Dividends.GetCollective;

/// <summary>A membership confirmation: its 公示 and the assembly's vote.</summary>
internal sealed record ConfirmationResponse(
    Guid Id,
    DateOnly NoticeFrom,
    DateOnly NoticeTo,
    DateOnly AssemblyOn,
    AssemblyKind AssemblyKind,
    int Entitled,
    int Present,
    int VotesFor,
    int VotesAgainst,
    string? DocumentRef,
    long Members
);

internal sealed record CollectiveDetailResponse(
    CollectiveResponse Collective,
    IReadOnlyList<ShareTypeResponse> ShareTypes,
    IReadOnlyList<ConfirmationResponse> Confirmations
);

internal sealed record GetCollectiveQuery(Guid Id) : IQuery<CollectiveDetailResponse>;

internal sealed class GetCollectiveHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations
) : IQueryHandler<GetCollectiveQuery, CollectiveDetailResponse>
{
    private const string FindSql = "SELECT " + CollectiveViews.Columns + " FROM collectives c WHERE c.id = @id";

    private const string ConfirmationsSql = """
        SELECT c.id, c.notice_from, c.notice_to, c.assembly_on, c.assembly_kind, c.entitled, c.present, c.votes_for,
            c.votes_against, c.document_ref,
            (SELECT COUNT(*) FROM collective_members m WHERE m.confirmation_id = c.id) AS members
        FROM collective_membership_confirmations c
        WHERE c.collective_id = @id
        ORDER BY c.assembly_on DESC, c.id
        """;

    public async ValueTask<CollectiveDetailResponse> Handle(
        GetCollectiveQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var collective = await Collectives.FindAsync(db, scope, query.Id, cancellationToken);
        var row = await db.QuerySingleOrDefaultAsync<CollectiveRow>(
            FindSql,
            new { id = collective.Id },
            cancellationToken
        );
        var response = (await CollectiveViews.RespondAsync([row!], organizations, cancellationToken))[0];
        var types = await ShareTypes.ListAsync(db, collective.Id, cancellationToken);
        var confirmations = await db.QueryAsync<ConfirmationRow>(
            ConfirmationsSql,
            new { id = collective.Id },
            cancellationToken
        );
        return new(
            response,
            types.Select(t => t.ToResponse()).ToList(),
            confirmations
                .Select(c => new ConfirmationResponse(
                    c.Id,
                    c.NoticeFrom,
                    c.NoticeTo,
                    c.AssemblyOn,
                    c.AssemblyKind,
                    c.Entitled,
                    c.Present,
                    c.VotesFor,
                    c.VotesAgainst,
                    c.DocumentRef,
                    c.Members
                ))
                .ToList()
        );
    }

    private sealed record ConfirmationRow
    {
        public Guid Id { get; init; }
        public DateOnly NoticeFrom { get; init; }
        public DateOnly NoticeTo { get; init; }
        public DateOnly AssemblyOn { get; init; }
        public AssemblyKind AssemblyKind { get; init; }
        public int Entitled { get; init; }
        public int Present { get; init; }
        public int VotesFor { get; init; }
        public int VotesAgainst { get; init; }
        public string? DocumentRef { get; init; }
        public long Members { get; init; }
    }
}
