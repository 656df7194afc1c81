using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Members.RecordMeeting;

internal static class RecordMeetingEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/meetings",
                async Task<Created<MeetingResponse>> (
                    RecordMeetingRequest request,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                {
                    var meeting = await mediator.Send(new RecordMeetingCommand(request), cancellationToken);
                    return TypedResults.Created(
                        $"/api/v1/members/meetings?organizationId={meeting.OrganizationId}",
                        meeting
                    );
                }
            )
            .WithName("RecordMeeting")
            .RequirePermission(Permissions.MembersWrite)
            .WithSummary(
                "Record organization life (支部党员大会, 支委会, 党小组会, 党课, 主题党日) with its attendees; each attendee's last "
                    + "organization-life date moves to it."
            )
            .WithIdempotency()
            .ProducesValidationProblem();
}
