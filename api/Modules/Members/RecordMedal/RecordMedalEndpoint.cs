using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Members.RecordMedal;

internal static class RecordMedalEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/{id:guid}/medal",
                async Task<Ok<MemberResponse>> (
                    Guid id,
                    RecordMedalRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var member = await mediator.Send(
                        new RecordMedalCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(member.Version);
                    return TypedResults.Ok(member);
                }
            )
            .WithName("RecordMemberMedal")
            .RequirePermission(Permissions.MembersWrite)
            .WithSummary("Record that a member was given the 光荣在党50年 medal")
            .WithDescription(
                "Record that a member was given the 光荣在党50年 medal (year, awardedBy), once. Requires If-Match; "
                    + "409 medal_not_due (under 50 years of standing from conversion on 1 July of that year, with "
                    + "earliestYear), medal_already_given, wrong_stage (not a full member), member_not_active."
            )
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
