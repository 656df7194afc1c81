using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Members.ListMemberLists;

internal static class ListMemberListsEndpoint
{
    public static void Map(RouteGroupBuilder group) => group
        .MapGet("/lists/{kind}", async Task<Ok<Paged<MemberOnList>>> (MemberListKind kind, Guid? organizationId, int? month, int? year, int? withinDays, int? page,
            int? pageSize, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new ListMemberListsQuery(kind, organizationId, month, year, withinDays, PageRequest.From(page, pageSize)), cancellationToken)))
        .WithName("ListMemberLists")
        .RequirePermission(Permissions.MembersRead)
        .WithSummary("The yearly lists within the caller's subtree: PoliticalBirthdays (month; year for the anniversary), MedalCandidates (光荣在党50年 on 1 July of year), LostContact (no organization life for 6 months), ExpiringProbations (withinDays, default 30).")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound);
}
