using Jiceng.Infrastructure.Database;
using Mediator;

namespace Jiceng.Modules.Accounts.SignOut;

/// <summary>
/// Ends this session on the server (audited): its row is revoked, so a copy of the cookie stops working at
/// once, while the user's sessions on other devices go on. The endpoint also removes the cookie.
/// </summary>
internal sealed record SignOutCommand(Guid UserId, Guid? SessionId) : ICommand;

internal sealed class SignOutHandler(DbSession db, TimeProvider clock) : ICommandHandler<SignOutCommand>
{
    private const string RevokeSql = """
        UPDATE user_sessions SET revoked_at = @now WHERE id = @sessionId AND user_id = @userId AND revoked_at IS NULL
        """;

    public async ValueTask<Unit> Handle(SignOutCommand command, CancellationToken cancellationToken)
    {
        if (command.SessionId is { } sessionId)
        {
            await db.ExecuteAsync(
                RevokeSql,
                new
                {
                    sessionId,
                    userId = command.UserId,
                    now = clock.GetUtcNow(),
                },
                cancellationToken
            );
        }
        return Unit.Value;
    }
}
