using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Members.LookupMember;

internal static class LookupMemberEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/lookup",
                async Task<Ok<MemberResponse>> (
                    LookupMemberRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var member = await mediator.Send(new LookupMemberQuery(request), cancellationToken);
                    response.SetETag(member.Version);
                    return TypedResults.Ok(member);
                }
            )
            .WithName("LookupMember")
            .RequirePermission(Permissions.MembersRead)
            .WithSummary(
                "Find the member with an exact ID number (through its blind "
                    + "index) within the caller's subtree; 404 when there is none."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
