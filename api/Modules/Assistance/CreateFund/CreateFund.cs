using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Assistance.CreateFund;

internal sealed record CreateFundRequest(Guid? OrganizationId, string? Name);

/// <summary>
/// Sets up an organization's care fund, empty: money comes in as income or as an allocation from the fund above
/// (the nearest ancestor's, which becomes its parent). One fund per organization.
/// </summary>
internal sealed record CreateFundCommand(CreateFundRequest Body) : ICommand<FundResponse>;

internal sealed class CreateFundValidator : AbstractValidator<CreateFundCommand>
{
    public CreateFundValidator()
    {
        RuleFor(c => c.Body.OrganizationId).NotNull().Field("organizationId");
        RuleFor(c => c.Body.Name).RequiredText().MaximumLength(100).Field("name");
    }
}

internal sealed class CreateFundHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    TimeProvider clock
) : ICommandHandler<CreateFundCommand, FundResponse>
{
    private const string InsertSql = """
        INSERT INTO assistance_funds (id, org_id, org_path, region_root_id, parent_fund_id, name, balance, held,
            created_at, updated_at, version)
        SELECT @id, @orgId, @orgPath, @regionRootId, @parentFundId, @name, 0, 0, @now, @now, 1
        WHERE NOT EXISTS (SELECT 1 FROM assistance_funds WHERE org_id = @orgId)
        """;

    private const string FindSql = "SELECT " + Funds.Columns + " FROM assistance_funds WHERE id = @id";

    public async ValueTask<FundResponse> Handle(CreateFundCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var organization =
            await organizations.FindWithinAsync(command.Body.OrganizationId!.Value, scope, cancellationToken)
            ?? throw AssistanceErrors.NotFoundOnField("organizationId");
        var parent = await Funds.NearestAsync(db, organization.Path, includeSelf: false, cancellationToken);
        var roots = await organizations.ListRootsAsync(cancellationToken);
        var regionRoot = roots.FirstOrDefault(r => organization.Path.StartsWith(r.Path, StringComparison.Ordinal));
        var parameters = new
        {
            id = Guid.CreateVersion7(),
            orgId = organization.Id,
            orgPath = organization.Path,
            regionRootId = regionRoot?.Id ?? organization.Id,
            parentFundId = parent?.Id,
            name = command.Body.Name!.Trim(),
            now = clock.GetUtcNow(),
        };
        var inserted = await db.ExecuteOrConflictAsync(
            InsertSql,
            parameters,
            AssistanceErrors.FundExists,
            cancellationToken
        );
        if (inserted == 0)
        {
            throw AssistanceErrors.FundExists();
        }
        var row = await db.QuerySingleOrDefaultAsync<FundRow>(FindSql, new { parameters.id }, cancellationToken);
        return row!.ToResponse();
    }
}
