using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Jiceng.Infrastructure.Database;

/// <summary>
/// One connection per request scope, opened on first use. Commands run inside the transaction the
/// mediator's transaction behaviour begins; queries run without one.
/// </summary>
public sealed class DbSession(DbConnectionFactory factory) : IAsyncDisposable
{
    private DbConnection? _connection;
    private DbTransaction? _transaction;
    private IDisposable? _writeTurn;
    private List<LastStatement>? _last;

    public SqlDialect Dialect => factory.Dialect;

    public bool InTransaction => _transaction is not null;

    public async ValueTask<DbConnection> ConnectionAsync(CancellationToken cancellationToken = default) =>
        _connection ??= await factory.OpenAsync(cancellationToken);

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            throw new InvalidOperationException("A transaction is already open in this scope.");
        }
        var connection = await ConnectionAsync(cancellationToken);
        // SQLite: the process's turn to write first (queued without blocking a thread), then BEGIN IMMEDIATE takes
        // the write lock up front, so two writers never deadlock on upgrade.
        _writeTurn = await factory.WriteTurnAsync(cancellationToken);
        try
        {
            _transaction = connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(IsolationLevel.Serializable, deferred: false)
                : await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        }
        catch
        {
            EndWriteTurn();
            throw;
        }
    }

    private void EndWriteTurn()
    {
        _writeTurn?.Dispose();
        _writeTurn = null;
    }

    /// <summary>
    /// A statement to run last in the transaction, just before COMMIT (after the handler and its audit rows), in the
    /// order given: the update of a row that many transactions queue on (a fund's balance), whose lock is then held
    /// only from that statement to the commit. On PostgreSQL the last of them travels with the COMMIT in one round
    /// trip, so the lock is never held while this process schedules the request's next step (under load that wait,
    /// not the database, was most of a payment's turn). The statement therefore cannot be judged by the rows it
    /// changed: it must change its row or be refused by the database itself (a CHECK constraint or a guard trigger).
    /// A refusal rolls the transaction back and then calls <paramref name="refused"/>, which throws the request's
    /// answer (it may read, outside any transaction); the database's error is thrown if it does not.
    /// </summary>
    public void RunLast(string sql, object parameters, Func<DbException, CancellationToken, Task> refused)
    {
        if (_transaction is null)
        {
            throw new InvalidOperationException("Only a transaction has a last statement.");
        }
        (_last ??= []).Add(new LastStatement(sql, parameters, refused));
    }

    private sealed record LastStatement(
        string Sql,
        object Parameters,
        Func<DbException, CancellationToken, Task> Refused
    );

    /// <summary>Runs the statements kept for last now: a command that runs inside a longer transaction (a demo
    /// seed's) ends with them, so the next command sees their effect.</summary>
    public async Task RunLastAsync(CancellationToken cancellationToken)
    {
        while (_last is { Count: > 0 } last)
        {
            _last = null;
            foreach (var statement in last)
            {
                await RunLastStatementAsync(statement, "", rollBackFirst: false, cancellationToken);
            }
        }
    }

    // rollBackFirst: on PostgreSQL a refused statement has aborted the transaction, where nothing can be read, and a
    // refused COMMIT has ended it; elsewhere the refusal's reads see the transaction as it stands.
    private async Task RunLastStatementAsync(
        LastStatement statement,
        string then,
        bool rollBackFirst,
        CancellationToken cancellationToken
    )
    {
        int changed;
        try
        {
            changed = await ExecuteAsync(statement.Sql + then, statement.Parameters, cancellationToken);
        }
        catch (DbException e) when (!cancellationToken.IsCancellationRequested && !DbErrors.IsUnavailable(e))
        {
            if (rollBackFirst)
            {
                await RollbackEndedOrNotAsync();
            }
            await statement.Refused(e, cancellationToken);
            throw;
        }
        if (changed == 0)
        {
            throw new InvalidOperationException("A last statement of a transaction changed no row.");
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_transaction is null)
        {
            return;
        }
        if (Dialect.Provider == DatabaseProvider.Postgres && _last is { Count: > 0 } last)
        {
            _last = null;
            foreach (var statement in last[..^1])
            {
                await RunLastStatementAsync(statement, "", rollBackFirst: true, cancellationToken);
            }
            // Refused, this statement aborts the round trip before the COMMIT; done, the COMMIT has ended the
            // transaction, which Npgsql then reports completed (its dispose rolls nothing back).
            await RunLastStatementAsync(last[^1], ";\nCOMMIT", rollBackFirst: true, cancellationToken);
            await _transaction.DisposeAsync();
            _transaction = null;
            EndWriteTurn();
            return;
        }
        await RunLastAsync(cancellationToken);
        // A failed commit leaves the transaction (and the write turn) to the caller's rollback.
        await _transaction.CommitAsync(cancellationToken);
        await _transaction.DisposeAsync();
        _transaction = null;
        EndWriteTurn();
    }

    // A COMMIT sent with the last statement may have ended the transaction before failing (a deferred check): Npgsql
    // then refuses a ROLLBACK of what is no longer open, and there is nothing left to roll back.
    private async Task RollbackEndedOrNotAsync()
    {
        try
        {
            await RollbackAsync();
        }
        catch (InvalidOperationException) when (_transaction is null) { }
    }

    public async Task RollbackAsync()
    {
        _last = null;
        if (_transaction is null)
        {
            return;
        }
        try
        {
            await _transaction.RollbackAsync(CancellationToken.None);
        }
        finally
        {
            await _transaction.DisposeAsync();
            _transaction = null;
            EndWriteTurn();
        }
    }

    /// <summary>A bare command on the scope's connection and transaction, for statements with thousands of
    /// parameters (<see cref="MultiRowInsert"/>): Dapper looks each parameter up in the command's collection, which
    /// on SQLite is a linear search, so binding n parameters through it costs n².</summary>
    public async ValueTask<DbCommand> BareCommandAsync(string sql, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        return command;
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(
            Dialect.Render(sql),
            ParameterBinder.Bind(parameters, Dialect.Provider),
            _transaction,
            cancellationToken: cancellationToken
        );

    public async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql,
        object? parameters = null,
        CancellationToken cancellationToken = default
    )
    {
        var connection = await ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<T>(Command(sql, parameters, cancellationToken));
        return rows.AsList();
    }

    /// <summary>Hands each row of a query to <paramref name="read"/> as the reader stands on it, for reads of many
    /// thousands of rows (a 100,000-member plan snapshot) where a list of mapped objects, each value through its type
    /// handler, took most of the time. Read GUIDs with GetGuid, which both engines answer.</summary>
    public async Task ReadAsync(
        string sql,
        object? parameters,
        Action<DbDataReader> read,
        CancellationToken cancellationToken
    )
    {
        var connection = await ConnectionAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(Command(sql, parameters, cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            read(reader);
        }
    }

    public async Task<T?> QuerySingleOrDefaultAsync<T>(
        string sql,
        object? parameters = null,
        CancellationToken cancellationToken = default
    )
    {
        var connection = await ConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters, cancellationToken));
    }

    public async Task<T?> ExecuteScalarAsync<T>(
        string sql,
        object? parameters = null,
        CancellationToken cancellationToken = default
    )
    {
        var connection = await ConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<T>(Command(sql, parameters, cancellationToken));
    }

    public async Task<int> ExecuteAsync(
        string sql,
        object? parameters = null,
        CancellationToken cancellationToken = default
    )
    {
        var connection = await ConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(Command(sql, parameters, cancellationToken));
    }

    /// <summary>Runs a count statement and a page statement (with
    /// <c>{orderBy}</c> and <c>{page}</c>) for one list.</summary>
    public async Task<Paged<T>> QueryPageAsync<T>(
        string countSql,
        string pageSql,
        object parameters,
        PageRequest page,
        SortOrder order,
        CancellationToken cancellationToken
    )
    {
        var bag = Merge(parameters, new { skip = (long)(page.Page - 1) * page.PageSize, take = page.PageSize });
        var total = await ExecuteScalarAsync<long>(countSql, bag, cancellationToken);
        var items = total == 0 ? [] : await QueryAsync<T>(order.Apply(pageSql), bag, cancellationToken);
        return new Paged<T>(items, total, page.Page, page.PageSize);
    }

    /// <summary>One set of parameters from two objects: a statement's
    /// own values and ones its caller adds (paging, a guard).</summary>
    public DynamicParameters Merge(object parameters, object more)
    {
        var bag =
            ParameterBinder.Bind(parameters, Dialect.Provider) as DynamicParameters
            ?? new DynamicParameters(parameters);
        bag.AddDynamicParams(ParameterBinder.Bind(more, Dialect.Provider));
        return bag;
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await RollbackAsync();
        }
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }
}
