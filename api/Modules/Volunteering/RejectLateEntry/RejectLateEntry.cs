using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.RejectLateEntry;

internal sealed record RejectLateEntryRequest(string? Reason);

/// <summary>A coordinator refuses a late entry, with the reason; nothing is credited and the time is freed.</summary>
internal sealed record RejectLateEntryCommand(Guid SessionId, long IfMatch, RejectLateEntryRequest Body)
    : ICommand<SessionResponse>;

internal sealed class RejectLateEntryValidator : AbstractValidator<RejectLateEntryCommand>
{
    public RejectLateEntryValidator() => RuleFor(c => c.Body.Reason).RequiredText(2).MaximumLength(200);
}

internal sealed class RejectLateEntryHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    TimeProvider clock
) : ICommandHandler<RejectLateEntryCommand, SessionResponse>
{
    private const string UpdateSql =
        """
            UPDATE volunteer_sessions SET state = 'Rejected', decided_by = @decidedBy, decision_note = @note,
                updated_at = @now, version = version + 1
            """
        + "\n"
        + SessionStep.Guard;

    public async ValueTask<SessionResponse> Handle(RejectLateEntryCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var step = await SessionStep.StartAsync(
            db,
            scope,
            command.SessionId,
            command.IfMatch,
            SessionState.PendingApproval,
            cancellationToken
        );
        return await step.AdvanceAsync(
            UpdateSql,
            new()
            {
                ["decidedBy"] = Actor.Of(callers.Current),
                ["note"] = command.Body.Reason!.Trim(),
                ["now"] = clock.GetUtcNow(),
            },
            cancellationToken
        );
    }
}
