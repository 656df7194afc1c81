using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Members.Domain;

internal enum TransferStatus
{
    [Label("待回执", "Awaiting receipt")]
    Pending,

    [Label("已回执", "Received")]
    Received,

    [Label("已撤回", "Withdrawn")]
    Withdrawn,

    /// <summary>Expired unreceived, and replaced by a newer letter: it stays as history.</summary>
    [Label("已过期", "Expired")]
    Expired,
}

/// <summary>
/// A transfer letter as either end sees it; <c>Expired</c> means still pending after its validity (it no longer holds
/// the member: a new letter, or a death, may be recorded). A withdrawn letter keeps its day and reason.
/// </summary>
internal sealed record TransferResponse(
    Guid Id,
    Guid MemberId,
    string MemberName,
    Guid FromOrganizationId,
    string FromOrganizationName,
    Guid? ToOrganizationId,
    string? ToOrganizationName,
    string? ToExternal,
    string LetterNumber,
    DateOnly IssuedOn,
    DateOnly ValidUntil,
    TransferStatus Status,
    bool Expired,
    DateOnly? ReceivedOn,
    DateOnly? WithdrawnOn,
    string? WithdrawalReason,
    long Version
);

internal sealed record TransferRow
{
    public Guid Id { get; init; }
    public Guid MemberId { get; init; }
    public string MemberName { get; init; } = "";
    public Guid FromOrgId { get; init; }
    public string FromOrgPath { get; init; } = "";
    public Guid? ToOrgId { get; init; }
    public string? ToOrgPath { get; init; }
    public string? ToExternal { get; init; }
    public string LetterNumber { get; init; } = "";
    public DateOnly IssuedOn { get; init; }
    public DateOnly ValidUntil { get; init; }
    public TransferStatus Status { get; init; }
    public DateOnly? ReceivedOn { get; init; }
    public DateOnly? WithdrawnOn { get; init; }
    public string? WithdrawalReason { get; init; }
    public long Version { get; init; }
}

internal static class Transfers
{
    public const string Columns = """
        id, member_id, member_name, from_org_id, from_org_path, to_org_id, to_org_path, to_external, letter_number,
            issued_on, valid_until,
        status, received_on, withdrawn_on, withdrawal_reason, version
        """;

    /// <summary>
    /// A letter that still holds the member: pending and within its validity. An expired one holds nothing (the
    /// receiving side can no longer confirm it), so a new letter or a death may be recorded; it stays as history.
    /// The caller supplies @memberId and @today.
    /// </summary>
    public const string OpenLetterExists = """
        EXISTS (SELECT 1 FROM member_transfers
                WHERE member_id = @memberId AND status = 'Pending' AND valid_until >= @today)
        """;

    private const string FindSql = "SELECT " + Columns + " FROM member_transfers WHERE id = @id";

    public static async Task<TransferRow> FindAsync(DbSession db, Guid id, CancellationToken cancellationToken) =>
        await db.QuerySingleOrDefaultAsync<TransferRow>(FindSql, new { id }, cancellationToken)
        ?? throw new NotFoundException("Transfer");

    public static async Task<IReadOnlyList<TransferResponse>> RespondAsync(
        IReadOnlyList<TransferRow> rows,
        IOrganizationDirectory organizations,
        DateOnly today,
        CancellationToken cancellationToken
    )
    {
        var ids = rows.Select(r => r.FromOrgId)
            .Concat(rows.Where(r => r.ToOrgId is not null).Select(r => r.ToOrgId!.Value))
            .Distinct()
            .ToList();
        var names = await organizations.NamesAsync(ids, cancellationToken);
        return rows.Select(r => new TransferResponse(
                r.Id,
                r.MemberId,
                r.MemberName,
                r.FromOrgId,
                names.GetValueOrDefault(r.FromOrgId, ""),
                r.ToOrgId,
                r.ToOrgId is { } to ? names.GetValueOrDefault(to) : null,
                r.ToExternal,
                r.LetterNumber,
                r.IssuedOn,
                r.ValidUntil,
                r.Status,
                r.Status == TransferStatus.Expired || (r.Status == TransferStatus.Pending && r.ValidUntil < today),
                r.ReceivedOn,
                r.WithdrawnOn,
                r.WithdrawalReason,
                r.Version
            ))
            .ToList();
    }
}
