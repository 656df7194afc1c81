using System.Text.Json;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Calendar.Contracts;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Volunteering.Domain;

/// <summary>
/// Starts a step of a demand: the demand in the caller's scope (404 outside it), at the version the caller saw
/// (412 otherwise: If-Match before state), in a state that allows the step (409 demand_wrong_state with the steps it
/// allows), under its region's rules.
/// </summary>
internal sealed class DemandTransitions(
    DbSession db,
    CurrentScope currentScope,
    VolunteeringRuleSets rules,
    CallerAccessor callers,
    IOrganizationDirectory organizations,
    IWorkingCalendar calendar,
    TimeProvider clock
)
{
    public async Task<DemandTransition> StartAsync(
        Guid id,
        long expectedVersion,
        DemandStep step,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var demand = await Demands.FindAsync(db, scope, id, cancellationToken);
        // A claim on a demand someone has claimed is answered as such even from a stale page: the claimant wants to
        // know it is gone, not that the page is old.
        if (step == DemandStep.Claim && demand.ClaimantId is not null)
        {
            throw VolunteeringErrors.DemandAlreadyClaimed(demand.State);
        }
        if (demand.Version != expectedVersion)
        {
            throw new PreconditionFailedException();
        }
        if (!DemandRules.Allows(demand.State, step))
        {
            throw VolunteeringErrors.DemandWrongState(demand.State, step);
        }
        var regionRules = await rules.ForAsync(demand.OrgId, cancellationToken);
        return new DemandTransition(
            db,
            demand,
            step,
            regionRules,
            scope,
            callers.Current,
            organizations,
            calendar,
            clock
        );
    }
}

/// <summary>
/// One step of one demand, as read when it started. The slice checks its rules against <see cref="Demand"/> and
/// <see cref="Rules"/>, then calls <see cref="AdvanceAsync"/> with its own whole UPDATE ending in <see cref="Guard"/>:
/// it writes only if the demand is still at the version, state and scope the rules were checked against. Zero rows is
/// demand_already_claimed (a claim lost the race), demand_wrong_state (someone moved it on) or 412 (someone changed
/// it); otherwise the step is recorded with who, when and the note, and the demand answered with its timeline.
/// </summary>
internal sealed class DemandTransition(
    DbSession db,
    DemandRow demand,
    DemandStep step,
    VolunteeringRules rules,
    DataScope scope,
    Caller caller,
    IOrganizationDirectory organizations,
    IWorkingCalendar calendar,
    TimeProvider clock
)
{
    /// <summary>The WHERE every step's UPDATE ends with.</summary>
    public const string Guard = """
        WHERE id = @id AND version = @version AND state = @expectedState AND org_path >= @from AND org_path < @to
        """;

    private static readonly JsonSerializerOptions Json = InfrastructureSetup.CreateJsonOptions();

    public DemandRow Demand => demand;

    public VolunteeringRules Rules => rules;

    public DataScope Scope => scope;

    public Caller Caller => caller;

    public DateOnly Today => clock.Today();

    /// <summary>The last of <paramref name="workingDays"/> working days counted from the day after today.</summary>
    public Task<DateOnly> WorkingDaysFromTomorrowAsync(int workingDays, CancellationToken cancellationToken) =>
        calendar.EndOfPeriodAsync(Today.AddDays(1), workingDays, cancellationToken);

    public async Task<DemandResponse> AdvanceAsync(
        string updateSql,
        object values,
        string? note,
        object? details,
        CancellationToken cancellationToken,
        Func<DateTimeOffset, Task>? alsoWrite = null
    )
    {
        var now = clock.GetUtcNow();
        // Read before the UPDATE: the directory takes a connection of its own, and waiting for one from the pool
        // while holding the demand's row lock would stall every claim queued behind it.
        var organizationName = (await organizations.NamesAsync([demand.OrgId], cancellationToken)).GetValueOrDefault(
            demand.OrgId,
            ""
        );
        var guard = new
        {
            id = demand.Id,
            version = demand.Version,
            expectedState = demand.State.ToString(),
            from = scope.From,
            to = scope.To,
            now,
        };
        if (await db.ExecuteAsync(updateSql, db.Merge(values, guard), cancellationToken) == 0)
        {
            var current = await Demands.FindAsync(db, scope, demand.Id, cancellationToken);
            if (step == DemandStep.Claim && current.ClaimantId is not null)
            {
                throw VolunteeringErrors.DemandAlreadyClaimed(current.State);
            }
            if (current.State != demand.State)
            {
                throw VolunteeringErrors.DemandWrongState(current.State, step);
            }
            throw new PreconditionFailedException();
        }
        if (alsoWrite is not null)
        {
            await alsoWrite(now);
        }
        var after = DemandRules.After(step);
        await Demands.RecordStepAsync(
            db,
            demand.Id,
            step,
            after,
            note,
            details is null ? null : JsonSerializer.Serialize(details, Json),
            caller,
            now,
            cancellationToken
        );
        var updated = await Demands.FindAsync(db, scope, demand.Id, cancellationToken);
        return await Demands.RespondWholeAsync(db, updated, organizationName, Today, cancellationToken);
    }
}
