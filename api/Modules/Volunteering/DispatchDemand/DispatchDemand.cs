using FluentValidation;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.DispatchDemand;

internal sealed record DispatchDemandRequest(DemandClaimantRequest? Claimant, string? Note);

/// <summary>派单: dispatch an accepted or open demand to a team, a member or a unit.</summary>
internal sealed record DispatchDemandCommand(Guid Id, long ExpectedVersion, DispatchDemandRequest Body)
    : ICommand<DemandResponse>;

internal sealed class DispatchDemandValidator : AbstractValidator<DispatchDemandCommand>
{
    public DispatchDemandValidator()
    {
        RuleFor(c => c.Body.Claimant).NotNull().SetValidator(new DemandClaimantRequestValidator());
        RuleFor(c => c.Body.Note).MaximumLength(500);
    }
}

internal sealed class DispatchDemandHandler(DemandTransitions transitions, DemandClaimants claimants)
    : ICommandHandler<DispatchDemandCommand, DemandResponse>
{
    private const string AdvanceSql = """
        UPDATE volunteer_demands SET state = 'Assigned', assignment = 'Dispatched', claimant_kind = @kind,
            claimant_id = @claimantId, claimant_name = @claimantName, assigned_at = @now, due_on = wished_on,
            updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND state = @expectedState AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<DemandResponse> Handle(DispatchDemandCommand command, CancellationToken cancellationToken)
    {
        var step = await transitions.StartAsync(
            command.Id,
            command.ExpectedVersion,
            DemandStep.Dispatch,
            cancellationToken
        );
        var named = command.Body.Claimant!;
        var claimant = await claimants.FindAsync(named.Kind!.Value, named.Id!.Value, step.Scope, cancellationToken);
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
