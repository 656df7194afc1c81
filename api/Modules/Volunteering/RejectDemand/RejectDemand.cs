using FluentValidation;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.RejectDemand;

internal sealed record RejectDemandRequest(string? Reason);

/// <summary>不予受理: reject the demand with a reason the requester sees.</summary>
internal sealed record RejectDemandCommand(Guid Id, long ExpectedVersion, RejectDemandRequest Body)
    : ICommand<DemandResponse>;

internal sealed class RejectDemandValidator : AbstractValidator<RejectDemandCommand>
{
    public RejectDemandValidator() => RuleFor(c => c.Body.Reason).RequiredText(2).MaximumLength(500);
}

internal sealed class RejectDemandHandler(DemandTransitions transitions)
    : ICommandHandler<RejectDemandCommand, DemandResponse>
{
    private const string AdvanceSql = """
        UPDATE volunteer_demands SET state = 'Rejected', reason = @reason, due_on = NULL, updated_at = @now,
            version = version + 1
        WHERE id = @id AND version = @version AND state = @expectedState AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<DemandResponse> Handle(RejectDemandCommand command, CancellationToken cancellationToken)
    {
        var step = await transitions.StartAsync(
            command.Id,
            command.ExpectedVersion,
            DemandStep.Reject,
            cancellationToken
        );
        var reason = VisibleText.Trim(command.Body.Reason);
        return await step.AdvanceAsync(AdvanceSql, new { reason }, reason, null, cancellationToken);
    }
}
