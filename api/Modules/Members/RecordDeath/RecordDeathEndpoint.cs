using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Members.RecordDeath;

internal static class RecordDeathEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/{id:guid}/death",
                async Task<Ok<MemberResponse>> (
                    Guid id,
                    RecordDeathRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var member = await mediator.Send(
                        new RecordDeathCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(member.Version);
                    return TypedResults.Ok(member);
                }
            )
            .WithName("RecordMemberDeath")
            .RequirePermission(Permissions.MembersWrite)
            .WithSummary("Record a member's death")
            .WithDescription(
                "Record a member's death (diedOn): the record stays as history but leaves the active register and "
                    + "its lists; an open hardship entry and a current 双报到 "
                    + "end that day. Requires If-Match; 409 member_not_active "
                    + "when no longer on the register, transfer_pending while a letter awaits receipt."
            )
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
