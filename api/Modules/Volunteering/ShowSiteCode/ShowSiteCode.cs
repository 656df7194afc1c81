using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.ShowSiteCode;

/// <summary>The code the organizer shows at the place (a phone or a screen); it changes every five minutes.</summary>
internal sealed record ShowSiteCodeQuery(Guid ActivityId) : IQuery<SiteCodeResponse>;

internal sealed record SiteCodeResponse(string Code, DateTimeOffset ValidUntil);

internal sealed class ShowSiteCodeHandler(DbSession db, CurrentScope currentScope, TimeProvider clock)
    : IQueryHandler<ShowSiteCodeQuery, SiteCodeResponse>
{
    public async ValueTask<SiteCodeResponse> Handle(ShowSiteCodeQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var activity = await Activities.FindAsync(db, scope, query.ActivityId, cancellationToken);
        var now = clock.GetUtcNow();
        return new SiteCodeResponse(SiteCodes.At(activity.CodeSecret, now), SiteCodes.ValidUntil(now));
    }
}
