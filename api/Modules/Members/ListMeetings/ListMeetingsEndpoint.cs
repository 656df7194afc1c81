using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.RecordMeeting;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Members.ListMeetings;

internal static class ListMeetingsEndpoint
{
    public static void Map(RouteGroupBuilder group) => group
        .MapGet("/meetings", async Task<Ok<Paged<MeetingResponse>>> (Guid organizationId, int? page, int? pageSize, string? sort, IMediator mediator,
            CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new ListMeetingsQuery(organizationId, PageRequest.From(page, pageSize), sort), cancellationToken)))
        .WithName("ListMeetings")
        .RequirePermission(Permissions.MembersRead)
        .WithSummary("An organization's recorded organization life, newest first; sort by heldOn, kind or attendeeCount (prefix - for descending).")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound);
}
