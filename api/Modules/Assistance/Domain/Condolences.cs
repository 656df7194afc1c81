using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Members.Contracts;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Assistance.Domain;

/// <summary>
/// A condolence payment proposed when a death is recorded in Members, for the branch to confirm (pay through the
/// fund's ledger) or decline. <c>amount</c> is the proposal (the region's figure) until paid, then what was paid.
/// </summary>
internal sealed record CondolenceResponse(
    Guid Id,
    Guid MemberId,
    string Name,
    Guid OrganizationId,
    DateOnly DiedOn,
    Money Amount,
    CondolenceStatus Status,
    Guid? FundId,
    Guid? LedgerEntryId,
    DateOnly? PaidOn,
    string? Reference,
    string? DecisionReason,
    string? DecidedByName,
    long Version
);

internal sealed record CondolenceRow
{
    public Guid Id { get; init; }
    public Guid MemberId { get; init; }
    public string Name { get; init; } = "";
    public Guid OrgId { get; init; }
    public string OrgPath { get; init; } = "";
    public DateOnly DiedOn { get; init; }
    public Money Amount { get; init; }
    public CondolenceStatus Status { get; init; }
    public Guid? FundId { get; init; }
    public Guid? LedgerEntryId { get; init; }
    public DateOnly? PaidOn { get; init; }
    public string? Reference { get; init; }
    public string? DecisionReason { get; init; }
    public string? DecidedByName { get; init; }
    public long Version { get; init; }

    public CondolenceResponse ToResponse() =>
        new(
            Id,
            MemberId,
            Name,
            OrgId,
            DiedOn,
            Amount,
            Status,
            FundId,
            LedgerEntryId,
            PaidOn,
            Reference,
            DecisionReason,
            DecidedByName,
            Version
        );
}

internal static class Condolences
{
    public const string Columns = """
        id, member_id, name, org_id, org_path, died_on, amount, status, fund_id, ledger_entry_id, paid_on, reference,
            decision_reason, decided_by_name, version
        """;

    public const string FindSql =
        "SELECT " + Columns + " FROM assistance_condolences WHERE id = @id AND org_path >= @from AND org_path < @to";
}

/// <summary>
/// Proposes the condolence payment inside RecordDeath's transaction (Members' <see cref="IMemberDeathListener"/>),
/// at the region's amount; one per member (a unique index), so a death recorded again proposes nothing twice.
/// </summary>
internal sealed class CondolenceProposer(
    DbSession db,
    IOrganizationDirectory organizations,
    AssistanceRuleSets rules,
    TimeProvider clock
) : IMemberDeathListener
{
    private const string ProposeSql = """
        INSERT INTO assistance_condolences (id, org_id, org_path, region_root_id, member_id, name, died_on, amount,
            status, created_at, updated_at, version)
        SELECT @id, @orgId, @orgPath, @regionRootId, @memberId, @name, @diedOn, @amount, 'Proposed', @now, @now, 1
        WHERE NOT EXISTS (SELECT 1 FROM assistance_condolences WHERE member_id = @memberId)
        """;

    public async Task OnMemberDiedAsync(MemberDeath death, CancellationToken cancellationToken)
    {
        var region = await rules.ForAsync(death.OrganizationId, cancellationToken);
        if (region.CondolenceYuan.Value <= 0)
        {
            return;
        }
        var roots = await organizations.ListRootsAsync(cancellationToken);
        var root = roots.FirstOrDefault(r => death.OrganizationPath.StartsWith(r.Path, StringComparison.Ordinal));
        var now = clock.GetUtcNow();
        await db.ExecuteAsync(
            ProposeSql,
            new
            {
                id = Guid.CreateVersion7(),
                orgId = death.OrganizationId,
                orgPath = death.OrganizationPath,
                regionRootId = root?.Id ?? death.OrganizationId,
                memberId = death.MemberId,
                name = death.Name,
                diedOn = death.DiedOn,
                amount = Money.FromYuan(region.CondolenceYuan.Value).Fen,
                now,
            },
            cancellationToken
        );
    }
}
