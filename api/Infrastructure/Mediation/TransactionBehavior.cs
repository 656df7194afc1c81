using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Mediator;

namespace Jiceng.Infrastructure.Mediation;

/// <summary>
/// Every command runs in one database transaction that commits only when the handler returns; any
/// exception rolls back, so a refused request leaves nothing half-written. Queries get no transaction.
/// Audit records a handler kept with <see cref="AuditTrail.RecordEvenIfRefused"/> are written after the
/// rollback, in a transaction of their own.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(DbSession session, AuditTrail trail, AuditWriter audit)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken
    )
    {
        if (session.InTransaction)
        {
            // Inside a longer transaction (a demo seed's, or a command sending another): the command's last
            // statements end it, not the outer commit.
            var inner = await next(message, cancellationToken);
            await session.RunLastAsync(cancellationToken);
            return inner;
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
            await WriteKeptAsync();
            throw;
        }
    }

    private async Task WriteKeptAsync()
    {
        var kept = trail.TakeKept();
        if (kept.Count == 0)
        {
            return;
        }
        // Written even when the caller has hung up: the refusal happened and was answered.
        await session.BeginAsync(CancellationToken.None);
        foreach (var record in kept)
        {
            await audit.WriteAsync(record, CancellationToken.None);
        }
        await session.CommitAsync(CancellationToken.None);
    }
}
