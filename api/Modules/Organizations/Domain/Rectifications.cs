using System.Text.Json;
using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Mediation;

namespace Jiceng.Modules.Organizations.Domain;

internal sealed record RectificationNote(Guid Id, DateOnly NotedOn, string Content, DateTimeOffset CreatedAt);

/// <summary>A weak-organization (软弱涣散) rectification with its progress notes.</summary>
internal sealed record RectificationResponse(
    Guid Id,
    Guid OrganizationId,
    string OrganizationName,
    IReadOnlyList<string> Reasons,
    string Plan,
    string ResponsiblePerson,
    DateOnly FlaggedOn,
    DateOnly DueOn,
    RectificationStatus Status,
    bool Overdue,
    DateOnly? ClosedOn,
    string? ClosureNote,
    IReadOnlyList<RectificationNote> Notes,
    long Version
);

internal static class Rectifications
{
    private const string FindSql = """
        SELECT r.id, r.org_id, o.name AS organization_name, r.reasons, r.plan_text, r.responsible_person, r.flagged_on,
            r.due_on,
               r.status, r.closed_on, r.closure_note, r.version
        FROM rectifications r
        JOIN organizations o ON o.id = r.org_id
        WHERE r.id = @id AND r.org_id = @orgId
        """;

    private const string NotesSql = """
        SELECT id, noted_on, content, created_at FROM rectification_notes
        WHERE rectification_id = @id ORDER BY noted_on, created_at
        """;

    public static string ReasonsJson(IEnumerable<string> reasons) =>
        JsonSerializer.Serialize(reasons.Select(r => r.Trim()).ToArray());

    public static async Task<RectificationResponse> LoadAsync(
        DbSession db,
        Guid organizationId,
        Guid id,
        DateOnly today,
        CancellationToken cancellationToken
    )
    {
        var row =
            await db.QuerySingleOrDefaultAsync<RectificationRow>(
                FindSql,
                new { id, orgId = organizationId },
                cancellationToken
            ) ?? throw new NotFoundException("Rectification");
        var notes = await db.QueryAsync<NoteRow>(NotesSql, new { id }, cancellationToken);
        return new RectificationResponse(
            row.Id,
            row.OrgId,
            row.OrganizationName,
            JsonSerializer.Deserialize<string[]>(row.Reasons) ?? [],
            row.PlanText,
            row.ResponsiblePerson,
            row.FlaggedOn,
            row.DueOn,
            row.Status,
            row.Status == RectificationStatus.Open && row.DueOn < today,
            row.ClosedOn,
            row.ClosureNote,
            notes.Select(n => new RectificationNote(n.Id, n.NotedOn, n.Content, n.CreatedAt)).ToList(),
            row.Version
        );
    }

    /// <summary>Whether the rectification exists under that organization and is still open: tells 404, 409 and 412
    /// apart after a refused write.</summary>
    public static async Task<Exception> ExplainRefusalAsync(
        DbSession db,
        Guid organizationId,
        Guid id,
        long expectedVersion,
        DateOnly today,
        CancellationToken cancellationToken
    )
    {
        var current = await LoadAsync(db, organizationId, id, today, cancellationToken);
        // If-Match first: a caller whose copy is stale learns that
        // before what changed (README: 412 on a stale If-Match).
        return current.Version != expectedVersion ? new PreconditionFailedException()
            : current.Status == RectificationStatus.Closed ? OrganizationErrors.RectificationClosed()
            : new InvalidOperationException("Rectification write matched no row.");
    }

    private sealed record RectificationRow
    {
        public Guid Id { get; init; }
        public Guid OrgId { get; init; }
        public string OrganizationName { get; init; } = "";
        public string Reasons { get; init; } = "[]";
        public string PlanText { get; init; } = "";
        public string ResponsiblePerson { get; init; } = "";
        public DateOnly FlaggedOn { get; init; }
        public DateOnly DueOn { get; init; }
        public RectificationStatus Status { get; init; }
        public DateOnly? ClosedOn { get; init; }
        public string? ClosureNote { get; init; }
        public long Version { get; init; }
    }

    private sealed record NoteRow
    {
        public Guid Id { get; init; }
        public DateOnly NotedOn { get; init; }
        public string Content { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
    }
}

/// <summary>The fields a rectification is opened and revised with.</summary>
internal sealed record RectificationFields(
    IReadOnlyList<string> Reasons,
    string Plan,
    string ResponsiblePerson,
    DateOnly? FlaggedOn,
    DateOnly? DueOn
);

internal sealed class RectificationFieldsValidator : AbstractValidator<RectificationFields>
{
    public RectificationFieldsValidator()
    {
        RuleFor(r => r.Reasons)
            .NotEmpty()
            .Must(r => r is null || r.Count <= 20)
            .WithMessage(_ => Jiceng.Infrastructure.Localized.Text("须填写 1 到 20 条原因。", "Give 1 to 20 reasons."));
        RuleForEach(r => r.Reasons).RequiredText().MaximumLength(200);
        RuleFor(r => r.Plan).RequiredText().MaximumLength(2000);
        RuleFor(r => r.ResponsiblePerson).RequiredText().MaximumLength(50);
        RuleFor(r => r.DueOn).NotNull();
        RuleFor(r => r.DueOn)
            .GreaterThanOrEqualTo(r => r.FlaggedOn!.Value)
            .When(r => r.FlaggedOn is not null && r.DueOn is not null);
    }
}
