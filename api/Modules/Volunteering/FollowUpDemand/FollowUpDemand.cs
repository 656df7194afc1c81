using FluentValidation;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.FollowUpDemand;

internal sealed record FollowUpDemandRequest(string? Outcome);

/// <summary>回访: a follow-up call after closing, with what the requester said; the demand stays closed.</summary>
internal sealed record FollowUpDemandCommand(Guid Id, long ExpectedVersion, FollowUpDemandRequest Body)
    : ICommand<DemandResponse>;

internal sealed class FollowUpDemandValidator : AbstractValidator<FollowUpDemandCommand>
{
    public FollowUpDemandValidator() => RuleFor(c => c.Body.Outcome).RequiredText(2).MaximumLength(500);
}

internal sealed class FollowUpDemandHandler(DemandTransitions transitions)
    : ICommandHandler<FollowUpDemandCommand, DemandResponse>
{
    private const string AdvanceSql = """
        UPDATE volunteer_demands SET followed_up_at = @now, updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND state = @expectedState AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<DemandResponse> Handle(FollowUpDemandCommand command, CancellationToken cancellationToken)
    {
        var step = await transitions.StartAsync(
            command.Id,
            command.ExpectedVersion,
            DemandStep.FollowUp,
            cancellationToken
        );
        return await step.AdvanceAsync(
            AdvanceSql,
            new { },
            VisibleText.Trim(command.Body.Outcome),
            null,
            cancellationToken
        );
    }
}
