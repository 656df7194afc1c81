using Jiceng.Infrastructure.Database;
using Mediator;

namespace Jiceng.Infrastructure.Mediation;

/// <summary>
/// Every command runs in one database transaction that commits only when the handler returns; any
/// exception rolls back, so a refused request leaves nothing half-written. Queries get no transaction.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(DbSession session) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (session.InTransaction)
        {
            return await next(message, cancellationToken);
        }
        await session.BeginAsync(cancellationToken);
        try
        {
            var response = await next(message, cancellationToken);
            await session.CommitAsync(cancellationToken);
            return response;
        }
        catch
        {
            await session.RollbackAsync();
            throw;
        }
    }
}
