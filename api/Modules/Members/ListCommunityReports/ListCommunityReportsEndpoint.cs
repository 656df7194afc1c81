using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.ReportToCommunity;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Members.ListCommunityReports;

internal static class ListCommunityReportsEndpoint
{
    public static void Map(RouteGroupBuilder group) => group
        .MapGet("/community-reports", async Task<Ok<Paged<CommunityReport>>> (Guid communityOrganizationId, bool? includeEnded, int? page, int? pageSize, string? sort, IMediator mediator,
            CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new ListCommunityReportsQuery(communityOrganizationId, includeEnded ?? false, PageRequest.From(page, pageSize), sort), cancellationToken)))
        .WithName("ListCommunityReports")
        .RequirePermission(Permissions.MembersRead)
        .WithSummary("Members who reported to a community in the caller's subtree (双报到), from whatever region they work in: names and organizations only. Newest report first; sort by reportedOn or memberName (prefix - for descending).")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound);
}
