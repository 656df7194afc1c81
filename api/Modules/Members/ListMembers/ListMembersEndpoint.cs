using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Members.ListMembers;

internal static class ListMembersEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/",
                async Task<Ok<Paged<MemberListItem>>> (
                    [AsParameters] MemberFilter filter,
                    int? page,
                    int? pageSize,
                    string? sort,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                {
                    var query = new ListMembersQuery(filter, PageRequest.From(page, pageSize), sort);
                    return TypedResults.Ok(await mediator.Send(query, cancellationToken));
                }
            )
            .WithName("ListMembers")
            .RequirePermission(Permissions.MembersRead)
            .WithSummary("Search the member register within the caller's subtree")
            .WithDescription(
                "Search the member register within the caller's subtree: name, organization (with or without "
                    + "descendants), category, stage, status, age range, "
                    + "join year, in hardship today; sort by name, birthDate, "
                    + "joinedOn, stage, category, createdAt or tree (prefix - for descending)."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
