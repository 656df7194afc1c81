using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Contracts;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Volunteering.Domain;

/// <summary>A demand's row as read (personal data as ciphertext and mask).</summary>
internal sealed record DemandRow
{
    public Guid Id { get; init; }
    public Guid OrgId { get; init; }
    public string OrgPath { get; init; } = "";
    public string Category { get; init; } = "";
    public string Description { get; init; } = "";
    public string RequesterNameCipher { get; init; } = "";
    public string RequesterNameMasked { get; init; } = "";
    public string RequesterPhoneCipher { get; init; } = "";
    public string RequesterPhoneMasked { get; init; } = "";
    public Guid? BeneficiaryMemberId { get; init; }
    public string? BeneficiaryName { get; init; }
    public DemandUrgency Urgency { get; init; }
    public DateOnly? WishedOn { get; init; }
    public DemandChannel Channel { get; init; }
    public DemandState State { get; init; }
    public DateOnly SubmittedOn { get; init; }
    public DateOnly AcceptDueOn { get; init; }
    public DateOnly? AssignDueOn { get; init; }
    public DateOnly? DueOn { get; init; }
    public ClaimantKind? ClaimantKind { get; init; }
    public Guid? ClaimantId { get; init; }
    public string? ClaimantName { get; init; }
    public DemandAssignment? Assignment { get; init; }
    public DateTimeOffset? AssignedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public DateOnly? CompletedOn { get; init; }
    public string? WorkDone { get; init; }
    public int? ServiceMinutes { get; init; }
    public long? ValueFen { get; init; }
    public int? Stars { get; init; }
    public string? RatingComment { get; init; }
    public DateTimeOffset? FollowedUpAt { get; init; }
    public string? Reason { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }
}

internal sealed record DemandClaimant(ClaimantKind Kind, Guid Id, string Name);

/// <summary>
/// Each deadline of the loop: accepted by, dispatched or claimed by, completed by (the wished-for date).
/// </summary>
internal sealed record DemandDeadlines(DateOnly AcceptBy, DateOnly? AssignBy, DateOnly? CompleteBy);

internal sealed record DemandHelperHours(Guid? MemberId, string Name, decimal Hours);

/// <summary>One line of the timeline: the step, the state it led to, who, when and the note.</summary>
internal sealed record DemandStepEntry(
    DemandStep Step,
    DemandState State,
    string? Note,
    string? Details,
    string? RecordedBy,
    DateTimeOffset At
);

/// <summary>
/// A demand as answered: the requester's name and phone masked (a reveal shows them whole), each deadline, how many
/// days it is late at the step it waits for, and the steps allowed now.
/// </summary>
internal sealed record DemandResponse(
    Guid Id,
    Guid OrganizationId,
    string OrganizationName,
    string Category,
    string Description,
    string RequesterName,
    string RequesterPhone,
    Guid? BeneficiaryMemberId,
    string? BeneficiaryName,
    DemandUrgency Urgency,
    DateOnly? WishedOn,
    DemandChannel Channel,
    DemandState State,
    DateOnly SubmittedOn,
    DemandDeadlines Deadlines,
    DateOnly? DueOn,
    int? DaysLate,
    DemandClaimant? Claimant,
    DemandAssignment? Assignment,
    DateTimeOffset? AssignedAt,
    string? WorkDone,
    decimal? ServiceHours,
    Money? Value,
    int? Stars,
    string? RatingComment,
    string? Reason,
    DateTimeOffset? FollowedUpAt,
    IReadOnlyList<DemandStep> AllowedSteps,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt
)
{
    /// <summary>The timeline, oldest first (on a single demand; null in lists).</summary>
    public IReadOnlyList<DemandStepEntry>? Steps { get; init; }

    /// <summary>Hours per helper of a completed demand (on a single demand; null in lists).</summary>
    public IReadOnlyList<DemandHelperHours>? Helpers { get; init; }
}

/// <summary>The demand's one query, its answer and its timeline.</summary>
internal static class Demands
{
    public const string Columns = """
        id, org_id, org_path, category, description, requester_name_cipher, requester_name_masked,
        requester_phone_cipher, requester_phone_masked, beneficiary_member_id, beneficiary_name, urgency, wished_on,
        channel, state, submitted_on, accept_due_on, assign_due_on, due_on, claimant_kind, claimant_id,
        claimant_name, assignment, assigned_at, completed_at, completed_on, work_done, service_minutes, value_fen,
        stars, rating_comment, followed_up_at, reason, created_at, updated_at, version
        """;

    private const string FindSql =
        "SELECT " + Columns + "\nFROM volunteer_demands WHERE id = @id AND org_path >= @from AND org_path < @to";

    private const string StepsSql = """
        SELECT step, state, note, details, recorded_by_name, created_at
        FROM volunteer_demand_steps WHERE demand_id = @id ORDER BY created_at, id
        """;

    private const string HelpersSql = """
        SELECT member_id, name, minutes FROM volunteer_demand_helpers WHERE demand_id = @id ORDER BY name, id
        """;

    private const string InsertStepSql = """
        INSERT INTO volunteer_demand_steps (id, demand_id, step, state, note, details, recorded_by, recorded_by_name,
            created_at)
        VALUES (@stepId, @demandId, @step, @state, @note, @details, @recordedBy, @recordedByName, @now)
        """;

    /// <summary>
    /// The demand inside the scope; 404 otherwise (another region's demand does not exist for the caller).
    /// </summary>
    public static async Task<DemandRow> FindAsync(
        DbSession db,
        DataScope scope,
        Guid id,
        CancellationToken cancellationToken
    ) =>
        await db.QuerySingleOrDefaultAsync<DemandRow>(
            FindSql,
            new
            {
                id,
                from = scope.From,
                to = scope.To,
            },
            cancellationToken
        ) ?? throw new NotFoundException("Demand");

    public static Task RecordStepAsync(
        DbSession db,
        Guid demandId,
        DemandStep step,
        DemandState state,
        string? note,
        string? details,
        Caller caller,
        DateTimeOffset now,
        CancellationToken cancellationToken
    ) =>
        db.ExecuteAsync(
            InsertStepSql,
            new
            {
                stepId = Guid.CreateVersion7(),
                demandId,
                step = step.ToString(),
                state = state.ToString(),
                note = string.IsNullOrWhiteSpace(note) ? null : VisibleText.Trim(note),
                details,
                recordedBy = caller.Id,
                recordedByName = caller.ShownName,
                now,
            },
            cancellationToken
        );

    public static DemandResponse Respond(DemandRow row, string organizationName, DateOnly today) =>
        new(
            row.Id,
            row.OrgId,
            organizationName,
            row.Category,
            row.Description,
            row.RequesterNameMasked,
            row.RequesterPhoneMasked,
            row.BeneficiaryMemberId,
            row.BeneficiaryName,
            row.Urgency,
            row.WishedOn,
            row.Channel,
            row.State,
            row.SubmittedOn,
            new DemandDeadlines(row.AcceptDueOn, row.AssignDueOn, row.WishedOn),
            row.DueOn,
            DemandRules.DaysLate(row.DueOn, today),
            row is { ClaimantKind: { } kind, ClaimantId: { } claimantId }
                ? new DemandClaimant(kind, claimantId, row.ClaimantName ?? "")
                : null,
            row.Assignment,
            row.AssignedAt,
            row.WorkDone,
            row.ServiceMinutes is { } minutes ? minutes / 60m : null,
            row.ValueFen is { } fen ? Money.FromFen(fen) : null,
            row.Stars,
            row.RatingComment,
            row.Reason,
            row.FollowedUpAt,
            DemandRules.StepsFrom(row.State),
            row.Version,
            row.CreatedAt,
            row.UpdatedAt
        );

    public static async Task<IReadOnlyList<DemandResponse>> RespondAsync(
        IReadOnlyList<DemandRow> rows,
        IOrganizationDirectory organizations,
        DateOnly today,
        CancellationToken cancellationToken
    )
    {
        var names = await organizations.NamesAsync(rows.Select(r => r.OrgId).Distinct().ToList(), cancellationToken);
        return rows.Select(r => Respond(r, names.GetValueOrDefault(r.OrgId, ""), today)).ToList();
    }

    /// <summary>One demand with its timeline and helpers.</summary>
    public static async Task<DemandResponse> RespondWholeAsync(
        DbSession db,
        DemandRow row,
        IOrganizationDirectory organizations,
        DateOnly today,
        CancellationToken cancellationToken
    )
    {
        var names = await organizations.NamesAsync([row.OrgId], cancellationToken);
        return await RespondWholeAsync(db, row, names.GetValueOrDefault(row.OrgId, ""), today, cancellationToken);
    }

    public static async Task<DemandResponse> RespondWholeAsync(
        DbSession db,
        DemandRow row,
        string organizationName,
        DateOnly today,
        CancellationToken cancellationToken
    )
    {
        var steps = await db.QueryAsync<StepRow>(StepsSql, new { id = row.Id }, cancellationToken);
        var helpers = await db.QueryAsync<HelperRow>(HelpersSql, new { id = row.Id }, cancellationToken);
        return Respond(row, organizationName, today) with
        {
            Steps = steps
                .Select(s => new DemandStepEntry(s.Step, s.State, s.Note, s.Details, s.RecordedByName, s.CreatedAt))
                .ToList(),
            Helpers = helpers.Select(h => new DemandHelperHours(h.MemberId, h.Name, h.Minutes / 60m)).ToList(),
        };
    }

    private sealed record StepRow
    {
        public DemandStep Step { get; init; }
        public DemandState State { get; init; }
        public string? Note { get; init; }
        public string? Details { get; init; }
        public string? RecordedByName { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }

    private sealed record HelperRow
    {
        public Guid? MemberId { get; init; }
        public string Name { get; init; } = "";
        public int Minutes { get; init; }
    }
}

/// <summary>Finds who a demand goes to (a member, a team or a unit) within the caller's scope.</summary>
internal sealed class DemandClaimants(
    IMemberDirectory members,
    IVolunteerTeams teams,
    IOrganizationDirectory organizations
)
{
    /// <summary>The claimant named, or a 400 on claimant.id when there is none within the scope.</summary>
    public async Task<DemandClaimant> FindAsync(
        ClaimantKind kind,
        Guid id,
        DataScope scope,
        CancellationToken cancellationToken
    )
    {
        var name = kind switch
        {
            ClaimantKind.Member => (await members.FindWithinAsync(id, scope, cancellationToken))?.Name,
            ClaimantKind.Team => (await teams.FindWithinAsync(id, scope, cancellationToken))?.Name,
            _ => (await organizations.FindWithinAsync(id, scope, cancellationToken))?.Name,
        };
        return name is null ? throw VolunteeringErrors.ClaimantNotFound() : new DemandClaimant(kind, id, name);
    }
}

/// <summary>Who a demand goes to, as a request names it.</summary>
internal sealed record DemandClaimantRequest(ClaimantKind? Kind, Guid? Id);

internal sealed class DemandClaimantRequestValidator : AbstractValidator<DemandClaimantRequest?>
{
    private static string KindMessage =>
        Localized.Text("请选择承接方类型（党员、志愿服务队或单位）。", "Choose a member, a team or a unit.");

    private static string IdMessage => Localized.Text("请选择承接方。", "Choose who takes the demand.");

    public DemandClaimantRequestValidator()
    {
        RuleFor(c => c!.Kind).NotNull().WithMessage(_ => KindMessage).IsInEnum().WithMessage(_ => KindMessage);
        RuleFor(c => c!.Id).NotNull().WithMessage(_ => IdMessage).NotEqual(Guid.Empty).WithMessage(_ => IdMessage);
    }
}
