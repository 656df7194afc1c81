using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Members.GetMember;

internal static class GetMemberEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/{id:guid}",
                async Task<Ok<MemberResponse>> (
                    Guid id,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var member = await mediator.Send(new GetMemberQuery(id), cancellationToken);
                    response.SetETag(member.Version);
                    return TypedResults.Ok(member);
                }
            )
            .WithName("GetMember")
            .RequirePermission(Permissions.MembersRead)
            .WithSummary("A member, with the ID number and phone masked; outside the caller's subtree it is 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
