using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.UpdateRuleSet;

internal sealed record UpdateRuleSetRequest(string Name, RuleSetDocument Document);

/// <summary>Changes a rule set without a deploy. Gradings keep the rank they were given under the old set.</summary>
internal sealed record UpdateRuleSetCommand(Guid Id, long ExpectedVersion, UpdateRuleSetRequest Body)
    : ICommand<RuleSetResponse>;

internal sealed class UpdateRuleSetValidator : AbstractValidator<UpdateRuleSetCommand>
{
    public UpdateRuleSetValidator(IEnumerable<IRuleSetSection> sections)
    {
        RuleFor(c => c.Body.Name).RequiredText().MaximumLength(100);
        RuleFor(c => c.Body.Document).NotNull().ValidSections(new RuleSetComposition(sections));
    }
}

internal sealed class UpdateRuleSetHandler(
    DbSession db,
    RuleSetComposition composition,
    CurrentScope currentScope,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<UpdateRuleSetCommand, RuleSetResponse>
{
    private const string UpdateSql = """
        UPDATE rule_sets SET name = @name, document = @document, updated_at = @now, version = version + 1
        WHERE id = @id AND version = @expectedVersion
        """;

    public async ValueTask<RuleSetResponse> Handle(UpdateRuleSetCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var current = await RuleSets.LoadAsync(db, composition, scope, command.Id, cancellationToken);
        if (!RuleSets.CanChange(scope, current))
        {
            throw new ForbiddenException(Permissions.RuleSetsWrite);
        }
        audit.SetBefore(new UpdateRuleSetRequest(current.Name, current.Document));
        var updated = await db.ExecuteAsync(
            UpdateSql,
            new
            {
                id = command.Id,
                expectedVersion = command.ExpectedVersion,
                name = command.Body.Name.Trim(),
                document = composition.Effective(command.Body.Document).ToJson(),
                now = clock.GetUtcNow(),
            },
            cancellationToken
        );
        return updated == 1
            ? await RuleSets.LoadAsync(db, composition, scope, command.Id, cancellationToken)
            : throw new PreconditionFailedException();
    }
}
