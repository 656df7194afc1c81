using FluentValidation;
using FluentValidation.Results;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Organizations.Domain;

internal sealed record CoalitionMember
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public OrganizationKind Kind { get; init; }
    public OrganizationField Field { get; init; }
}

/// <summary>党建联合体: a named group of organizations working together (e.g. 大连湾 army, police and SOE branches).</summary>
internal sealed record CoalitionResponse(
    Guid Id,
    string Name,
    string? Description,
    IReadOnlyList<CoalitionMember> Members,
    long Version
);

/// <summary>The name, description and full member list a coalition is created or replaced with.</summary>
internal sealed record CoalitionFields(string Name, string? Description, IReadOnlyList<Guid> MemberOrganizationIds);

internal sealed class CoalitionFieldsValidator : AbstractValidator<CoalitionFields>
{
    public CoalitionFieldsValidator()
    {
        RuleFor(c => c.Name).RequiredText().MaximumLength(100);
        RuleFor(c => c.Description).MaximumLength(1000);
        RuleFor(c => c.MemberOrganizationIds)
            .NotNull()
            .Must(ids => ids is { Count: >= 2 and <= 500 })
            .WithMessage(_ =>
                Localized.Text("联合体须有 2 到 500 个成员组织。", "A coalition has 2 to 500 member organizations.")
            );
        RuleFor(c => c.MemberOrganizationIds)
            .Must(ids => ids is null || ids.Distinct().Count() == ids.Count)
            .WithMessage(_ => Localized.Text("成员组织不能重复。", "Member organizations must not repeat."));
    }
}

internal static class Coalitions
{
    // A coalition is visible to a caller whose scope holds at least one of its members.
    private const string FindSql = """
        SELECT c.id, c.name, c.description, c.version FROM coalitions c
        WHERE c.id = @id AND EXISTS (
            SELECT 1 FROM coalition_members m JOIN organizations o ON o.id = m.org_id
            WHERE m.coalition_id = c.id AND o.path >= @scopeFrom AND o.path < @scopeTo)
        """;

    private const string MembersSql = """
        SELECT o.id, o.name, o.kind, o.field
        FROM coalition_members m
        JOIN organizations o ON o.id = m.org_id
        WHERE m.coalition_id = @id AND o.path >= @scopeFrom AND o.path < @scopeTo
        ORDER BY o.path
        """;

    private const string ActiveMembersSql = """
        SELECT id FROM organizations
        WHERE id {in:ids} AND status = 'Active' AND path >= @scopeFrom AND path < @scopeTo
        """;

    public const string InsertMemberSql =
        "INSERT INTO coalition_members (coalition_id, org_id) VALUES (@coalitionId, @orgId)";

    public static async Task<CoalitionResponse> LoadAsync(
        DbSession db,
        DataScope scope,
        Guid id,
        CancellationToken cancellationToken
    )
    {
        var parameters = new
        {
            id,
            scopeFrom = scope.From,
            scopeTo = scope.To,
        };
        var row =
            await db.QuerySingleOrDefaultAsync<CoalitionRow>(FindSql, parameters, cancellationToken)
            ?? throw new NotFoundException("Coalition");
        var members = await db.QueryAsync<CoalitionMember>(MembersSql, parameters, cancellationToken);
        return new CoalitionResponse(row.Id, row.Name, row.Description, members, row.Version);
    }

    /// <summary>Every listed member must be an active organization in
    /// the caller's scope; others are a 400 on their position.</summary>
    public static async Task EnsureMembersExistAsync(
        DbSession db,
        DataScope scope,
        IReadOnlyList<Guid> ids,
        CancellationToken cancellationToken
    )
    {
        var found = (
            await db.QueryAsync<Guid>(
                ActiveMembersSql,
                new
                {
                    ids,
                    scopeFrom = scope.From,
                    scopeTo = scope.To,
                },
                cancellationToken
            )
        ).ToHashSet();
        var failures = ids.Select((id, index) => (id, index))
            .Where(m => !found.Contains(m.id))
            .Select(m => new ValidationFailure(
                $"memberOrganizationIds[{m.index}]",
                Localized.Text(
                    "所选党组织不存在或已撤销。",
                    "The selected organization does not exist or is dissolved."
                )
            ))
            .ToList();
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }

    private sealed record CoalitionRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string? Description { get; init; }
        public long Version { get; init; }
    }
}
