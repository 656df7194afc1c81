using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Members.CreateMember;

internal static class CreateMemberEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/",
                async Task<Created<MemberResponse>> (
                    CreateMemberRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var member = await mediator.Send(new CreateMemberCommand(request), cancellationToken);
                    response.SetETag(member.Version);
                    return TypedResults.Created($"/api/v1/members/{member.Id}", member);
                }
            )
            .WithName("CreateMember")
            .RequirePermission(Permissions.MembersWrite)
            .WithSummary("Register a member")
            .WithDescription(
                "Register a member (ID number checked against GB 11643, stored encrypted, shown masked); the same "
                    + "ID number twice is 409 member_exists, or 409 member_registered_elsewhere (audited, at most "
                    + "Security:RegisteredElsewherePerHour an hour, then 429) "
                    + "when the record lies outside the caller's organizations."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
