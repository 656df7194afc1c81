using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.GetActivity;

internal sealed record GetActivityQuery(Guid Id) : IQuery<ActivityDetailsResponse>;

/// <summary>An activity with everyone signed up and their attendance, by name.</summary>
internal sealed record ActivityDetailsResponse(ActivityResponse Activity, IReadOnlyList<SessionResponse> Sessions);

internal sealed class GetActivityHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    TimeProvider clock
) : IQueryHandler<GetActivityQuery, ActivityDetailsResponse>
{
    private const string SessionsSql =
        "SELECT " + Sessions.Columns + " " + Sessions.From + " WHERE s.activity_id = @id ORDER BY v.name, s.id";

    public async ValueTask<ActivityDetailsResponse> Handle(GetActivityQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var activity = await Activities.FindAsync(db, scope, query.Id, cancellationToken);
        var sessions = await db.QueryAsync<SessionRow>(SessionsSql, new { id = activity.Id }, cancellationToken);
        var names = await organizations.NamesAsync([activity.OrgId], cancellationToken);
        return new ActivityDetailsResponse(
            activity.ToResponse(names, clock.GetUtcNow()),
            sessions.Select(s => s.ToResponse()).ToList()
        );
    }
}
