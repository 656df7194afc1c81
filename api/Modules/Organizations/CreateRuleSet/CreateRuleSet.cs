using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.CreateRuleSet;

internal sealed record CreateRuleSetRequest(Guid? RegionRootId, string Name, RuleSetDocument? Document);

/// <summary>A region's own rule set; without a document it starts as a copy of the default one.</summary>
internal sealed record CreateRuleSetCommand(CreateRuleSetRequest Body) : ICommand<RuleSetResponse>;

internal sealed class CreateRuleSetValidator : AbstractValidator<CreateRuleSetCommand>
{
    public CreateRuleSetValidator(IEnumerable<IRuleSetSection> sections)
    {
        RuleFor(c => c.Body.RegionRootId).NotEmpty();
        RuleFor(c => c.Body.Name).RequiredText().MaximumLength(100);
        RuleFor(c => c.Body.Document).ValidSections(new RuleSetComposition(sections));
    }
}

internal sealed class CreateRuleSetHandler(
    DbSession db,
    RuleSetComposition composition,
    CurrentScope currentScope,
    TimeProvider clock
) : ICommandHandler<CreateRuleSetCommand, RuleSetResponse>
{
    private const string InsertSql = """
        INSERT INTO rule_sets (id, region_root_id, name, document, created_at, updated_at, version)
        VALUES (@id, @regionRootId, @name, @document, @now, @now, 1)
        """;

    public async ValueTask<RuleSetResponse> Handle(CreateRuleSetCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var region = await OrganizationReferences.FindActiveAsync(
            db,
            scope,
            command.Body.RegionRootId!.Value,
            "regionRootId",
            cancellationToken
        );
        if (region.Depth != 0)
        {
            throw OrganizationErrors.RegionMustBeRoot();
        }
        var document = composition.Effective(
            command.Body.Document ?? await RegionRules.StoredAsync(db, region.Id, cancellationToken)
        );
        var id = Guid.CreateVersion7();
        var row = new
        {
            id,
            regionRootId = region.Id,
            name = command.Body.Name.Trim(),
            document = document.ToJson(),
            now = clock.GetUtcNow(),
        };
        await db.ExecuteOrConflictAsync(InsertSql, row, OrganizationErrors.RuleSetExists, cancellationToken);
        return await RuleSets.LoadAsync(db, composition, scope, id, cancellationToken);
    }
}
