using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.UpdateOrganization;

/// <summary>
/// The editable fields of an organization; its place in the tree changes only by a move. Without
/// <c>hasCommittee</c> the stored answer stays (clients written before it existed do not reset it).
/// </summary>
internal sealed record UpdateOrganizationRequest(
    string Name,
    string? ShortName,
    OrganizationKind? Kind,
    OrganizationField? Field,
    string? SecretaryName,
    DateOnly? EstablishedOn,
    DateOnly? TermStartedOn,
    string? Description,
    bool? HasCommittee = null
);

internal sealed record UpdateOrganizationCommand(Guid Id, long ExpectedVersion, UpdateOrganizationRequest Body)
    : ICommand<OrganizationResponse>;

internal sealed class UpdateOrganizationValidator : AbstractValidator<UpdateOrganizationCommand>
{
    public UpdateOrganizationValidator()
    {
        RuleFor(c => c.Body.Name).RequiredText().MaximumLength(100).Field("name");
        RuleFor(c => c.Body.ShortName).MaximumLength(50).Field("shortName");
        RuleFor(c => c.Body.Kind).NotNull().IsInEnum().Field("kind");
        RuleFor(c => c.Body.Field).NotNull().IsInEnum().Field("field");
        RuleFor(c => c.Body.SecretaryName).MaximumLength(50).Field("secretaryName");
        RuleFor(c => c.Body.Description).MaximumLength(500).Field("description");
        RuleFor(c => c.Body.TermStartedOn)
            .GreaterThanOrEqualTo(c => c.Body.EstablishedOn!.Value)
            .When(c => c.Body.TermStartedOn is not null && c.Body.EstablishedOn is not null)
            .Field("termStartedOn");
    }
}

internal sealed class UpdateOrganizationHandler(
    DbSession db,
    CurrentScope currentScope,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<UpdateOrganizationCommand, OrganizationResponse>
{
    private const string UpdateSql = """
        UPDATE organizations
        SET name = @name, short_name = @shortName, kind = @kind, field = @field, secretary_name = @secretaryName,
            established_on = @establishedOn, term_started_on = @termStartedOn, description = @description,
            has_committee = COALESCE(@hasCommittee, has_committee), updated_at = @now, version = version + 1
        WHERE id = @id AND version = @expectedVersion AND status = 'Active'
        """;

    public async ValueTask<OrganizationResponse> Handle(
        UpdateOrganizationCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        await OrganizationTree.FindActiveAsync(db, scope, command.Id, cancellationToken);
        audit.SetBefore(await OrganizationDetails.LoadAsync(db, scope, command.Id, cancellationToken));
        var changes = command.Body;
        var updated = await db.ExecuteAsync(
            UpdateSql,
            new
            {
                id = command.Id,
                expectedVersion = command.ExpectedVersion,
                name = changes.Name.Trim(),
                shortName = changes.ShortName?.Trim(),
                kind = changes.Kind!.Value.ToString(),
                field = changes.Field!.Value.ToString(),
                secretaryName = changes.SecretaryName?.Trim(),
                establishedOn = changes.EstablishedOn,
                termStartedOn = changes.TermStartedOn,
                description = changes.Description,
                hasCommittee = changes.HasCommittee,
                now = clock.GetUtcNow(),
            },
            cancellationToken
        );
        if (updated == 0)
        {
            var current = await OrganizationTree.FindActiveAsync(db, scope, command.Id, cancellationToken);
            throw current.Version != command.ExpectedVersion
                ? new PreconditionFailedException()
                : new InvalidOperationException("Update matched no row.");
        }
        return await OrganizationDetails.LoadAsync(db, scope, command.Id, cancellationToken);
    }
}
