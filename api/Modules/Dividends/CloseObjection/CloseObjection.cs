using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.CloseObjection;

/// Closing (办结) needs an answer first.
internal sealed record CloseObjectionCommand(Guid Id, long ExpectedVersion) : ICommand<ObjectionView>;

internal sealed class CloseObjectionHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    TimeProvider clock
) : ICommandHandler<CloseObjectionCommand, ObjectionView>
{
    private const string CloseSql = """
        UPDATE dividend_plan_objections SET status = 'Closed', closed_by_name = @by, closed_at = @now,
            version = version + 1
        WHERE id = @id AND version = @version AND status = 'Answered'
          AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<ObjectionView> Handle(CloseObjectionCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var updated = await db.ExecuteAsync(
            CloseSql,
            new
            {
                id = command.Id,
                version = command.ExpectedVersion,
                by = callers.Current.ShownName,
                now = clock.GetUtcNow(),
                from = scope.From,
                to = scope.To,
            },
            cancellationToken
        );
        if (updated == 0)
        {
            var current = await Objections.FindAsync(db, scope, command.Id, cancellationToken);
            throw current.Version != command.ExpectedVersion ? new PreconditionFailedException()
            : current.Status == ObjectionStatus.Open ? DividendsErrors.ObjectionNotAnswered()
            : DividendsErrors.ObjectionWrongStatus(current.Status.ToString());
        }
        return await Objections.FindAsync(db, scope, command.Id, cancellationToken);
    }
}
