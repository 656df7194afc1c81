using FluentValidation;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.CancelDemand;

internal sealed record CancelDemandRequest(string? Reason);

/// <summary>取消: cancel the demand (the requester withdrew it, or it can no longer be served) with a reason.</summary>
internal sealed record CancelDemandCommand(Guid Id, long ExpectedVersion, CancelDemandRequest Body)
    : ICommand<DemandResponse>;

internal sealed class CancelDemandValidator : AbstractValidator<CancelDemandCommand>
{
    public CancelDemandValidator() => RuleFor(c => c.Body.Reason).RequiredText(2).MaximumLength(500);
}

internal sealed class CancelDemandHandler(DemandTransitions transitions)
    : ICommandHandler<CancelDemandCommand, DemandResponse>
{
    private const string AdvanceSql = """
        UPDATE volunteer_demands SET state = 'Cancelled', reason = @reason, due_on = NULL, updated_at = @now,
            version = version + 1
        WHERE id = @id AND version = @version AND state = @expectedState AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<DemandResponse> Handle(CancelDemandCommand command, CancellationToken cancellationToken)
    {
        var step = await transitions.StartAsync(
            command.Id,
            command.ExpectedVersion,
            DemandStep.Cancel,
            cancellationToken
        );
        var reason = VisibleText.Trim(command.Body.Reason);
        return await step.AdvanceAsync(AdvanceSql, new { reason }, reason, null, cancellationToken);
    }
}
