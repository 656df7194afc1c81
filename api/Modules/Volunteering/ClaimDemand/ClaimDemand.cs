using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.ClaimDemand;

internal sealed record ClaimDemandRequest(DemandClaimantRequest? Claimant, string? Note);

/// <summary>
/// 接单: a member, a team or a unit claims an open demand. Exactly one claimant: of any number of simultaneous claims
/// one UPDATE matches (the demand still open, unclaimed, at the version read), the others are 409
/// demand_already_claimed. A claimant holding the region's most open claims is refused until they finish some.
/// </summary>
internal sealed record ClaimDemandCommand(Guid Id, long ExpectedVersion, ClaimDemandRequest Body)
    : ICommand<DemandResponse>;

internal sealed class ClaimDemandValidator : AbstractValidator<ClaimDemandCommand>
{
    public ClaimDemandValidator()
    {
        RuleFor(c => c.Body.Claimant).NotNull().SetValidator(new DemandClaimantRequestValidator());
        RuleFor(c => c.Body.Note).MaximumLength(500);
    }
}

internal sealed class ClaimDemandHandler(DbSession db, DemandTransitions transitions, DemandClaimants claimants)
    : ICommandHandler<ClaimDemandCommand, DemandResponse>
{
    private const string OpenClaimsSql = """
        SELECT COUNT(*) FROM volunteer_demands WHERE claimant_id = @claimantId AND state IN ('Assigned', 'InService')
        """;

    // The guard, then: nobody has claimed it, and the claimant is still under the limit (checked again here, so two
    // claims by one claimant at once cannot both pass a count read before either wrote).
    private const string AdvanceSql = """
        UPDATE volunteer_demands SET state = 'Assigned', assignment = 'Claimed', claimant_kind = @kind,
            claimant_id = @claimantId, claimant_name = @claimantName, assigned_at = @now, due_on = wished_on,
            updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND state = @expectedState AND org_path >= @from AND org_path < @to
          AND claimant_id IS NULL
          AND (SELECT COUNT(*) FROM volunteer_demands o
               WHERE o.claimant_id = @claimantId AND o.state IN ('Assigned', 'InService')) < @maxOpenClaims
        """;

    public async ValueTask<DemandResponse> Handle(ClaimDemandCommand command, CancellationToken cancellationToken)
    {
        var step = await transitions.StartAsync(
            command.Id,
            command.ExpectedVersion,
            DemandStep.Claim,
            cancellationToken
        );
        var named = command.Body.Claimant!;
        var claimant = await claimants.FindAsync(named.Kind!.Value, named.Id!.Value, step.Scope, cancellationToken);
        var max = step.Rules.MaxOpenClaims.Value;
        var open = await db.ExecuteScalarAsync<long>(
            OpenClaimsSql,
            new { claimantId = claimant.Id },
            cancellationToken
        );
        if (open >= max)
        {
            throw VolunteeringErrors.TooManyOpenClaims(max);
        }
        return await step.AdvanceAsync(
            AdvanceSql,
            new
            {
                kind = claimant.Kind.ToString(),
                claimantId = claimant.Id,
                claimantName = claimant.Name,
                maxOpenClaims = max,
            },
            command.Body.Note,
            new { claimant },
            cancellationToken
        );
    }
}
