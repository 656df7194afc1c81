using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Members.UpdateMember;

internal static class UpdateMemberEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPut(
                "/{id:guid}",
                async Task<Ok<MemberResponse>> (
                    Guid id,
                    UpdateMemberRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var member = await mediator.Send(
                        new UpdateMemberCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(member.Version);
                    return TypedResults.Ok(member);
                }
            )
            .WithName("UpdateMember")
            .RequirePermission(Permissions.MembersWrite)
            .WithSummary("Update a member's personal fields")
            .WithDescription(
                "Update a member's personal fields. Requires If-Match; another member's ID number is 409 "
                    + "member_exists, or member_registered_elsewhere "
                    + "outside the caller's organizations (audited; 429 past "
                    + "Security:RegisteredElsewherePerHour)."
            )
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
