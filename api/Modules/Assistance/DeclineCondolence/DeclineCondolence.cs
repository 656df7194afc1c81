using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.DeclineCondolence;

internal sealed record DeclineCondolenceRequest(string? Reason);

/// <summary>Declines a proposed condolence payment with a reason (e.g. the family declined). Requires If-Match.
/// </summary>
internal sealed record DeclineCondolenceCommand(Guid Id, long ExpectedVersion, DeclineCondolenceRequest Body)
    : ICommand<CondolenceResponse>;

internal sealed class DeclineCondolenceValidator : AbstractValidator<DeclineCondolenceCommand>
{
    public DeclineCondolenceValidator() => RuleFor(c => c.Body.Reason).RequiredText().MaximumLength(500);
}

internal sealed class DeclineCondolenceHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    TimeProvider clock
) : ICommandHandler<DeclineCondolenceCommand, CondolenceResponse>
{
    private const string DeclineSql = """
        UPDATE assistance_condolences SET status = 'Declined', decision_reason = @reason, decided_by_name = @decidedBy,
            updated_at = @now, version = version + 1
        WHERE id = @id AND version = @expectedVersion AND status = 'Proposed' AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<CondolenceResponse> Handle(
        DeclineCondolenceCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var found = new
        {
            id = command.Id,
            from = scope.From,
            to = scope.To,
        };
        var condolence =
            await db.QuerySingleOrDefaultAsync<CondolenceRow>(Condolences.FindSql, found, cancellationToken)
            ?? throw new NotFoundException("Condolence");
        if (condolence.Version != command.ExpectedVersion)
        {
            throw new PreconditionFailedException();
        }
        if (condolence.Status != CondolenceStatus.Proposed)
        {
            throw AssistanceErrors.CondolenceNotProposed();
        }
        var declined = await db.ExecuteAsync(
            DeclineSql,
            new
            {
                found.id,
                found.from,
                found.to,
                expectedVersion = command.ExpectedVersion,
                reason = command.Body.Reason!.Trim(),
                decidedBy = callers.Current.ShownName,
                now = clock.GetUtcNow(),
            },
            cancellationToken
        );
        if (declined == 0)
        {
            throw new PreconditionFailedException();
        }
        return (
            (await db.QuerySingleOrDefaultAsync<CondolenceRow>(Condolences.FindSql, found, cancellationToken))!
        ).ToResponse();
    }
}
