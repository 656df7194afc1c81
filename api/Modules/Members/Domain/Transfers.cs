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
}

/// <summary>A transfer letter as either end sees it; <c>Expired</c> means still pending after its validity.</summary>
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
    public long Version { get; init; }
}

internal static class Transfers
{
    public const string Columns = """
        id, member_id, member_name, from_org_id, from_org_path, to_org_id, to_org_path, to_external, letter_number, issued_on, valid_until,
        status, received_on, version
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
                r.Status == TransferStatus.Pending && r.ValidUntil < today,
                r.ReceivedOn,
                r.Version
            ))
            .ToList();
    }
}
