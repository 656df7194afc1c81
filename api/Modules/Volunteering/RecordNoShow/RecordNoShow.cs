using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.RecordNoShow;

/// <summary>A signed-up volunteer did not come: recorded, nothing credited, the time freed for others.</summary>
internal sealed record RecordNoShowCommand(Guid SessionId, long IfMatch) : ICommand<SessionResponse>;

internal sealed class RecordNoShowHandler(DbSession db, CurrentScope currentScope, TimeProvider clock)
    : ICommandHandler<RecordNoShowCommand, SessionResponse>
{
    private const string UpdateSql =
        """
            UPDATE volunteer_sessions SET state = 'NoShow', updated_at = @now, version = version + 1
            """
        + "\n"
        + SessionStep.Guard;

    public async ValueTask<SessionResponse> Handle(RecordNoShowCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var step = await SessionStep.StartAsync(
            db,
            scope,
            command.SessionId,
            command.IfMatch,
            SessionState.SignedUp,
            cancellationToken
        );
        var now = clock.GetUtcNow();
        if (now < step.Row.StartsAt)
        {
            throw VolunteeringErrors.NoShowTooEarly();
        }
        return await step.AdvanceAsync(UpdateSql, new() { ["now"] = now }, cancellationToken);
    }
}
