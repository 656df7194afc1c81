using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Members.ReportToCommunity;

internal static class ReportToCommunityEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/{id:guid}/community-reports",
                async Task<Created<CommunityReport>> (
                    Guid id,
                    ReportToCommunityRequest request,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                {
                    var report = await mediator.Send(new ReportToCommunityCommand(id, request), cancellationToken);
                    return TypedResults.Created(
                        $"/api/v1/members/community-reports?communityOrganizationId={report.CommunityOrganizationId}",
                        report
                    );
                }
            )
            .WithName("ReportToCommunity")
            .RequirePermission(Permissions.MembersWrite)
            .WithSummary("双报到: register an in-service member with the residence community")
            .WithDescription(
                "双报到: register an in-service member with the residence community (any region, found through "
                    + "/organizations/directory); a new report ends the "
                    + "previous one. Not in service is 409 not_in_service."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
