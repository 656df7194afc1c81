using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.ListShareChanges;

internal sealed record ShareChangeLineResponse(Guid MemberId, string MemberName, Guid ShareTypeId, long Delta);

internal sealed record ShareChangeResponse(
    Guid Id,
    ShareChangeKind Kind,
    DateOnly EffectiveOn,
    string? Reason,
    string? DocumentRef,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    IReadOnlyList<ShareChangeLineResponse> Lines
);

/// <summary>A collective's share changes, newest first (optionally one member's), each with its lines.</summary>
internal sealed record ListShareChangesQuery(Guid CollectiveId, Guid? MemberId)
    : IQuery<IReadOnlyList<ShareChangeResponse>>;

internal sealed class ListShareChangesHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<ListShareChangesQuery, IReadOnlyList<ShareChangeResponse>>
{
    private const string ChangesSql = """
        SELECT id, kind, effective_on, reason, document_ref, recorded_by, recorded_at
        FROM collective_share_changes c
        WHERE collective_id = @collectiveId
          AND (@memberId IS NULL OR EXISTS (SELECT 1 FROM collective_share_change_lines l
                WHERE l.change_id = c.id AND l.member_id = @memberId))
        ORDER BY effective_on DESC, recorded_at DESC, id
        """;

    private const string LinesSql = """
        SELECT l.change_id, l.member_id, m.name AS member_name, l.share_type_id, l.delta
        FROM collective_share_change_lines l
        JOIN collective_members m ON m.id = l.member_id
        WHERE l.collective_id = @collectiveId
          AND (@memberId IS NULL OR EXISTS (SELECT 1 FROM collective_share_change_lines o
                WHERE o.change_id = l.change_id AND o.member_id = @memberId))
        ORDER BY l.change_id, l.line_no
        """;

    public async ValueTask<IReadOnlyList<ShareChangeResponse>> Handle(
        ListShareChangesQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var collective = await Collectives.FindAsync(db, scope, query.CollectiveId, cancellationToken);
        var parameters = new { collectiveId = collective.Id, memberId = query.MemberId };
        var changes = await db.QueryAsync<ChangeRow>(ChangesSql, parameters, cancellationToken);
        var lines = (await db.QueryAsync<LineRow>(LinesSql, parameters, cancellationToken)).ToLookup(l => l.ChangeId);
        return changes
            .Select(c => new ShareChangeResponse(
                c.Id,
                c.Kind,
                c.EffectiveOn,
                c.Reason,
                c.DocumentRef,
                c.RecordedBy,
                c.RecordedAt,
                lines[c.Id]
                    .Select(l => new ShareChangeLineResponse(l.MemberId, l.MemberName, l.ShareTypeId, l.Delta))
                    .ToList()
            ))
            .ToList();
    }

    private sealed record ChangeRow
    {
        public Guid Id { get; init; }
        public ShareChangeKind Kind { get; init; }
        public DateOnly EffectiveOn { get; init; }
        public string? Reason { get; init; }
        public string? DocumentRef { get; init; }
        public string RecordedBy { get; init; } = "";
        public DateTimeOffset RecordedAt { get; init; }
    }

    private sealed record LineRow
    {
        public Guid ChangeId { get; init; }
        public Guid MemberId { get; init; }
        public string MemberName { get; init; } = "";
        public Guid ShareTypeId { get; init; }
        public long Delta { get; init; }
    }
}
