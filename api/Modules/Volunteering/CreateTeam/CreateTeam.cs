using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.CreateTeam;

internal sealed record CreateTeamRequest(Guid? OrganizationId, string? Name, IReadOnlyList<string>? Skills);

/// <summary>A party volunteer team (党员志愿服务队) under an organization; its name unique there.</summary>
internal sealed record CreateTeamCommand(CreateTeamRequest Body) : ICommand<TeamResponse>;

internal sealed class CreateTeamValidator : AbstractValidator<CreateTeamCommand>
{
    public CreateTeamValidator()
    {
        RuleFor(c => c.Body.OrganizationId).NotNull();
        RuleFor(c => c.Body.Name).RequiredText().MaximumLength(100);
        RuleFor(c => c.Body.Skills).Must(s => s is null || s.Count <= Skills.MaxCount);
        RuleForEach(c => c.Body.Skills).RequiredText().MaximumLength(Skills.MaxLength);
    }
}

internal sealed class CreateTeamHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    TimeProvider clock
) : ICommandHandler<CreateTeamCommand, TeamResponse>
{
    private const string InsertSql = """
        INSERT INTO volunteer_teams (id, org_id, org_path, region_root_id, name, leader_id, skills, member_count,
            created_at, updated_at, version)
        SELECT @id, @orgId, @orgPath, @regionRootId, @name, NULL, @skills, 0, @now, @now, 1
        WHERE NOT EXISTS (SELECT 1 FROM volunteer_teams WHERE org_id = @orgId AND name = @name)
        """;

    public async ValueTask<TeamResponse> Handle(CreateTeamCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var place = await VolunteerPlaces.ResolveAsync(
            organizations,
            scope,
            command.Body.OrganizationId!.Value,
            cancellationToken
        );
        var id = Guid.CreateVersion7();
        var inserted = await db.ExecuteOrConflictAsync(
            InsertSql,
            new
            {
                id,
                orgId = place.OrganizationId,
                orgPath = place.Path,
                regionRootId = place.RegionRootId,
                name = command.Body.Name!.Trim(),
                skills = Skills.Join(command.Body.Skills),
                now = clock.GetUtcNow(),
            },
            VolunteeringErrors.TeamNameTaken,
            cancellationToken
        );
        if (inserted == 0)
        {
            throw VolunteeringErrors.TeamNameTaken();
        }
        var row = await Teams.FindAsync(db, scope, id, cancellationToken);
        return row.ToResponse(new Dictionary<Guid, string> { [place.OrganizationId] = place.Name });
    }
}
