using FluentValidation;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.RedispatchDemand;

internal sealed record RedispatchDemandRequest(DemandClaimantRequest? Claimant, string? Note);

/// <summary>改派: give an assigned or in-service demand to another team, member or unit.</summary>
internal sealed record RedispatchDemandCommand(Guid Id, long ExpectedVersion, RedispatchDemandRequest Body)
    : ICommand<DemandResponse>;

internal sealed class RedispatchDemandValidator : AbstractValidator<RedispatchDemandCommand>
{
    public RedispatchDemandValidator()
    {
        RuleFor(c => c.Body.Claimant).NotNull().SetValidator(new DemandClaimantRequestValidator());
        RuleFor(c => c.Body.Note).MaximumLength(500);
    }
}

internal sealed class RedispatchDemandHandler(DemandTransitions transitions, DemandClaimants claimants)
    : ICommandHandler<RedispatchDemandCommand, DemandResponse>
{
    private const string AdvanceSql = """
        UPDATE volunteer_demands SET state = 'Assigned', assignment = 'Dispatched', claimant_kind = @kind,
            claimant_id = @claimantId, claimant_name = @claimantName, assigned_at = @now, started_at = NULL,
            due_on = wished_on,
            updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND state = @expectedState AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<DemandResponse> Handle(RedispatchDemandCommand command, CancellationToken cancellationToken)
    {
        var step = await transitions.StartAsync(
            command.Id,
            command.ExpectedVersion,
            DemandStep.Redispatch,
            cancellationToken
        );
        var named = command.Body.Claimant!;
        var claimant = await claimants.FindAsync(named.Kind!.Value, named.Id!.Value, step.Scope, cancellationToken);
        if (step.Demand.ClaimantKind == claimant.Kind && step.Demand.ClaimantId == claimant.Id)
        {
            throw VolunteeringErrors.SameClaimant();
        }
        return await step.AdvanceAsync(
            AdvanceSql,
            new
            {
                kind = claimant.Kind.ToString(),
                claimantId = claimant.Id,
                claimantName = claimant.Name,
            },
            command.Body.Note,
            new { claimant },
            cancellationToken
        );
    }
}
