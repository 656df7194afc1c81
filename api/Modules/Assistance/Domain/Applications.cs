using System.Text.Json;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Assistance.Domain;

/// <summary>An application to the care fund as answered (the reason is shown to fund staff only, who read it).
/// </summary>
internal sealed record ApplicationResponse(
    Guid Id,
    Guid FundId,
    Guid OrganizationId,
    Guid MemberId,
    string MemberName,
    AssistanceCategory Category,
    Money Amount,
    int Year,
    string Reason,
    string? OtherAid,
    Money OtherAidAmount,
    ApplicationStatus Status,
    ApprovalTier Tier,
    Guid? RepeatOfId,
    string ApplicantName,
    DateOnly? NoticeFrom,
    DateOnly? NoticeTo,
    DateOnly? PaidOn,
    PaymentMethod? PaymentMethod,
    string? PaymentReference,
    Guid? EntryId,
    DateOnly? ConfirmedOn,
    bool Sampled,
    FollowUpOutcome? FollowUp,
    IReadOnlyList<ApplicationStepResponse> Steps,
    long Version
);

/// <summary>One recorded step: who did what, when, with the step's details.</summary>
internal sealed record ApplicationStepResponse(string Step, string ActorName, DateTimeOffset At, JsonElement Details);

internal sealed record ApplicationRow
{
    public Guid Id { get; init; }
    public Guid FundId { get; init; }
    public Guid OrgId { get; init; }
    public string OrgPath { get; init; } = "";
    public Guid MemberId { get; init; }
    public string MemberName { get; init; } = "";
    public AssistanceCategory Category { get; init; }
    public long Amount { get; init; }
    public int Year { get; init; }
    public string Reason { get; init; } = "";
    public string? OtherAid { get; init; }
    public long OtherAidAmount { get; init; }
    public ApplicationStatus Status { get; init; }
    public ApprovalTier Tier { get; init; }
    public Guid? RepeatOfId { get; init; }
    public Guid? ApplicantId { get; init; }
    public string ApplicantName { get; init; } = "";
    public Guid? PreparerId { get; init; }
    public DateOnly? NoticeFrom { get; init; }
    public DateOnly? NoticeTo { get; init; }
    public Guid? StreetApproverId { get; init; }
    public Guid? DistrictApproverId { get; init; }
    public Guid? HoldId { get; init; }
    public Guid? PayerId { get; init; }
    public DateOnly? PaidOn { get; init; }
    public PaymentMethod? PaymentMethod { get; init; }
    public string? PaymentReference { get; init; }
    public Guid? EntryId { get; init; }
    public DateOnly? ConfirmedOn { get; init; }
    public bool Sampled { get; init; }
    public FollowUpOutcome? FollowUp { get; init; }
    public long Version { get; init; }

    public Money AmountMoney => Money.FromFen(Amount);
}

internal static class Applications
{
    public const string Columns = """
        id, fund_id, org_id, org_path, member_id, member_name, category, amount, year, reason, other_aid,
        other_aid_amount, status, tier, repeat_of_id, applicant_id, applicant_name, preparer_id, notice_from,
        notice_to, street_approver_id, district_approver_id, hold_id, payer_id, paid_on, payment_method,
        payment_reference, entry_id, confirmed_on, sampled, follow_up, version
        """;

    private const string FindSql =
        "SELECT " + Columns + " FROM assistance_applications WHERE id = @id AND org_path >= @from AND org_path < @to";

    private const string StepsSql = """
        SELECT step, actor_name, created_at, details FROM assistance_application_steps
        WHERE application_id = @id ORDER BY created_at, id
        """;

    private const string RecordStepSql = """
        INSERT INTO assistance_application_steps (id, application_id, step, actor_id, actor_name, details, created_at)
        VALUES (@id, @applicationId, @step, @actorId, @actorName, @details, @now)
        """;

    private static readonly JsonSerializerOptions Json = InfrastructureSetup.CreateJsonOptions();

    /// <summary>The application in the caller's scope; 404 otherwise.</summary>
    public static async Task<ApplicationRow> FindAsync(
        DbSession db,
        DataScope scope,
        Guid id,
        CancellationToken cancellationToken
    ) =>
        await db.QuerySingleOrDefaultAsync<ApplicationRow>(
            FindSql,
            new
            {
                id,
                from = scope.From,
                to = scope.To,
            },
            cancellationToken
        ) ?? throw new NotFoundException("application");

    /// <summary>A step's details as stored (JSON), for steps written many at once.</summary>
    public static string StepDetails(object details) => JsonSerializer.Serialize(details, Json);

    public static async Task RecordStepAsync(
        DbSession db,
        Guid applicationId,
        string step,
        Caller caller,
        object details,
        DateTimeOffset now,
        CancellationToken cancellationToken
    ) =>
        await db.ExecuteAsync(
            RecordStepSql,
            new
            {
                id = Guid.CreateVersion7(),
                applicationId,
                step,
                actorId = caller.Id,
                actorName = caller.ShownName,
                details = JsonSerializer.Serialize(details, Json),
                now,
            },
            cancellationToken
        );

    public static async Task<ApplicationResponse> RespondAsync(
        DbSession db,
        ApplicationRow row,
        CancellationToken cancellationToken
    )
    {
        var steps = await db.QueryAsync<StepRow>(StepsSql, new { id = row.Id }, cancellationToken);
        return new(
            row.Id,
            row.FundId,
            row.OrgId,
            row.MemberId,
            row.MemberName,
            row.Category,
            row.AmountMoney,
            row.Year,
            row.Reason,
            row.OtherAid,
            Money.FromFen(row.OtherAidAmount),
            row.Status,
            row.Tier,
            row.RepeatOfId,
            row.ApplicantName,
            row.NoticeFrom,
            row.NoticeTo,
            row.PaidOn,
            row.PaymentMethod,
            row.PaymentReference,
            row.EntryId,
            row.ConfirmedOn,
            row.Sampled,
            row.FollowUp,
            steps
                .Select(s => new ApplicationStepResponse(
                    s.Step,
                    s.ActorName,
                    s.CreatedAt,
                    JsonSerializer.Deserialize<JsonElement>(s.Details)
                ))
                .ToList(),
            row.Version
        );
    }

    private sealed record StepRow
    {
        public string Step { get; init; } = "";
        public string ActorName { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public string Details { get; init; } = "{}";
    }
}

/// <summary>Starts a step of an application: the application in the caller's scope, at the version sent, in a
/// status the step starts from, under its region's rules.</summary>
internal sealed class ApplicationSteps(
    DbSession db,
    CurrentScope currentScope,
    AssistanceRuleSets rules,
    CallerAccessor callers,
    TimeProvider clock
)
{
    /// <summary>404 outside the scope; 412 when If-Match is stale; 409 wrong_status unless in an expected status.
    /// </summary>
    public async Task<ApplicationStep> StartAsync(
        Guid id,
        long expectedVersion,
        CancellationToken cancellationToken,
        params ApplicationStatus[] expected
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var application = await Applications.FindAsync(db, scope, id, cancellationToken);
        if (application.Version != expectedVersion)
        {
            throw new PreconditionFailedException();
        }
        if (!expected.Contains(application.Status))
        {
            throw AssistanceErrors.WrongStatus(application.Status, expected);
        }
        var regionRules = await rules.ForAsync(application.OrgId, cancellationToken);
        return new ApplicationStep(db, application, regionRules, scope, callers.Current, clock);
    }
}

/// <summary>
/// One step of one application, as read when it started. The handler checks the pure rules
/// (<see cref="ApplicationRules"/>), then calls <see cref="AdvanceAsync"/> with its own whole UPDATE ending in
/// <see cref="Guard"/>: it writes only if the application is still at the version, status and scope the rules were
/// checked against; otherwise nothing is written and the answer is wrong_status or 412.
/// </summary>
internal sealed class ApplicationStep(
    DbSession db,
    ApplicationRow application,
    AssistanceRules rules,
    DataScope scope,
    Caller caller,
    TimeProvider clock
)
{
    /// <summary>The WHERE every step's UPDATE ends with.</summary>
    public const string Guard = """
        WHERE id = @id AND version = @version AND status = @expectedStatus
          AND org_path >= @from AND org_path < @to
        """;

    public ApplicationRow Application => application;

    public AssistanceRules Rules => rules;

    public Caller Caller => caller;

    public DbSession Db => db;

    public DateOnly Today => clock.Today();

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>409 duties_not_separated when the caller already acted on this application in another role.
    /// </summary>
    public void EnsureDifferentPerson(string role, params Guid?[] earlier)
    {
        if (!ApplicationRules.DifferentPerson(caller.Id, earlier))
        {
            throw AssistanceErrors.SamePerson(role);
        }
    }

    /// <summary>Runs the step's UPDATE (ending with <see cref="Guard"/>), records the step and answers.</summary>
    public async Task<ApplicationResponse> AdvanceAsync(
        string updateSql,
        object values,
        string step,
        object details,
        CancellationToken cancellationToken
    )
    {
        var guard = new
        {
            id = application.Id,
            version = application.Version,
            expectedStatus = application.Status.ToString(),
            from = scope.From,
            to = scope.To,
            now = Now,
            actorId = caller.Id,
        };
        if (await db.ExecuteAsync(updateSql, db.Merge(values, guard), cancellationToken) == 0)
        {
            var current = await Applications.FindAsync(db, scope, application.Id, cancellationToken);
            throw current.Status != application.Status
                ? AssistanceErrors.WrongStatus(current.Status, application.Status)
                : new PreconditionFailedException();
        }
        await Applications.RecordStepAsync(db, application.Id, step, caller, details, Now, cancellationToken);
        var updated = await Applications.FindAsync(db, scope, application.Id, cancellationToken);
        return await Applications.RespondAsync(db, updated, cancellationToken);
    }
}
