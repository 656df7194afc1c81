using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Volunteering.Domain;

/// <summary>A volunteer team as a demand or a micro-wish names it when it is dispatched to it or claims it.</summary>
internal sealed record TeamReference(Guid TeamId, string Name, Guid OrganizationId);

/// <summary>
/// Finds a volunteer team within a scope. The teams area (党员志愿服务队) owns the teams' table and registers its
/// implementation; until it does, no team is found (a dispatch or claim naming one is a 400 on its field).
/// </summary>
internal interface IVolunteerTeams
{
    Task<TeamReference?> FindWithinAsync(Guid teamId, DataScope scope, CancellationToken cancellationToken);
}

/// <summary>The stand-in while no teams area is registered: no team exists.</summary>
internal sealed class NoVolunteerTeams : IVolunteerTeams
{
    public Task<TeamReference?> FindWithinAsync(Guid teamId, DataScope scope, CancellationToken cancellationToken) =>
        Task.FromResult<TeamReference?>(null);
}
