using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Volunteering.Domain;

/// <summary>Starts a step of a micro-wish: the wish in the caller's scope, at the version the caller saw, in a state
/// that allows the step.</summary>
internal sealed class MicroWishSteps(
    DbSession db,
    CurrentScope currentScope,
    AuditTrail audit,
    IOrganizationDirectory organizations,
    TimeProvider clock
)
{
    /// <summary>404 outside the scope; 409 wish_already_claimed for a claim of a claimed wish; then 412 when If-Match
    /// is not the version read; 409 wish_step_not_allowed when the state does not allow the step.</summary>
    public async Task<MicroWishStep> StartAsync(
        Guid wishId,
        long expectedVersion,
        WishStep step,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var wish = await MicroWishes.FindAsync(db, scope, wishId, cancellationToken);
        // The one exception to If-Match before state: a claim that lost the race to another claim is told the wish is
        // taken (wish_already_claimed), whether it arrived while the winner wrote or just after. "Your copy is stale"
        // would send the user to reload only to learn the same thing.
        if (step == WishStep.Claim && MicroWishRules.ClaimedAlready(wish.State))
        {
            throw VolunteeringErrors.WishStepRefused(step, wish.State);
        }
        if (wish.Version != expectedVersion)
        {
            throw new PreconditionFailedException();
        }
        if (!MicroWishRules.Allows(wish.State, step))
        {
            throw VolunteeringErrors.WishStepRefused(step, wish.State);
        }
        return new MicroWishStep(db, wish, step, scope, audit, organizations, clock);
    }
}

/// <summary>
/// One step of one wish as read when it started. The handler checks its rules against <see cref="Wish"/>, then calls
/// <see cref="AdvanceAsync"/> with its own whole UPDATE ending in <see cref="Guard"/>: it writes only while the wish is
/// at the version, state and scope the rules were checked against. Zero rows is a 409 when the state moved on
/// (of simultaneous claims exactly one wins; the others are told wish_already_claimed, not "stale copy") and 412
/// otherwise.
/// </summary>
internal sealed class MicroWishStep(
    DbSession db,
    MicroWishRow wish,
    WishStep step,
    DataScope scope,
    AuditTrail audit,
    IOrganizationDirectory organizations,
    TimeProvider clock
)
{
    public const string Guard = """
        WHERE id = @id AND version = @version AND state = @expectedState
          AND org_path >= @from AND org_path < @to
        """;

    public MicroWishRow Wish => wish;

    public DataScope Scope => scope;

    public async Task<MicroWishResponse> AdvanceAsync(
        string updateSql,
        object values,
        object details,
        CancellationToken cancellationToken
    )
    {
        var guard = new
        {
            id = wish.Id,
            version = wish.Version,
            expectedState = wish.State.ToString(),
            from = scope.From,
            to = scope.To,
            now = clock.GetUtcNow(),
        };
        if (await db.ExecuteAsync(updateSql, db.Merge(values, guard), cancellationToken) == 0)
        {
            var current = await MicroWishes.FindAsync(db, scope, wish.Id, cancellationToken);
            if (current.State != wish.State)
            {
                throw VolunteeringErrors.WishStepRefused(step, current.State);
            }
            throw new PreconditionFailedException();
        }
        audit.Record(
            new AuditRecord(
                "MicroWish" + step,
                "MicroWish",
                wish.Id.ToString(),
                wish.OrgId,
                Before: new { state = wish.State.ToString() },
                After: details
            )
        );
        var updated = await MicroWishes.FindAsync(db, scope, wish.Id, cancellationToken);
        return await MicroWishes.RespondAsync(updated, organizations, cancellationToken);
    }
}
