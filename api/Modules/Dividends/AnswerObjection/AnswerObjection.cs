using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.AnswerObjection;

/// The answer given to whoever objected; an answered objection may be answered again until it is closed.
internal sealed record AnswerObjectionRequest(string? Answer);

internal sealed record AnswerObjectionCommand(Guid Id, long ExpectedVersion, AnswerObjectionRequest Body)
    : ICommand<ObjectionView>;

internal sealed class AnswerObjectionValidator : AbstractValidator<AnswerObjectionCommand>
{
    public AnswerObjectionValidator() => RuleFor(c => c.Body.Answer).RequiredText().MaximumLength(1000);
}

internal sealed class AnswerObjectionHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    TimeProvider clock
) : ICommandHandler<AnswerObjectionCommand, ObjectionView>
{
    private const string AnswerSql = """
        UPDATE dividend_plan_objections SET status = 'Answered', answer = @answer, answered_by_name = @by,
            answered_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND status IN ('Open', 'Answered')
          AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<ObjectionView> Handle(AnswerObjectionCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var updated = await db.ExecuteAsync(
            AnswerSql,
            new
            {
                id = command.Id,
                version = command.ExpectedVersion,
                answer = command.Body.Answer!.Trim(),
                by = callers.Current.ShownName,
                now = clock.GetUtcNow(),
                from = scope.From,
                to = scope.To,
            },
            cancellationToken
        );
        if (updated == 0)
        {
            throw await Objections.RefusalAsync(db, scope, command.Id, command.ExpectedVersion, cancellationToken);
        }
        return await Objections.FindAsync(db, scope, command.Id, cancellationToken);
    }
}
