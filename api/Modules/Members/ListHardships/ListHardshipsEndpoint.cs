using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Members.ListHardships;

internal static class ListHardshipsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/{id:guid}/hardships",
                async Task<Ok<IReadOnlyList<HardshipResponse>>> (
                    Guid id,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) => TypedResults.Ok(await mediator.Send(new ListHardshipsQuery(id), cancellationToken))
            )
            .WithName("ListHardships")
            .RequirePermission(Permissions.MembersRead)
            .WithSummary("A member's hardship history, newest first")
            .WithDescription(
                "A member's hardship history, newest first. Notes are never listed (hasNotes says whether there are "
                    + "any): reading them is a reveal (POST /members/{id}/reveal, field HardshipNotes)."
            )
            .ProducesProblem(StatusCodes.Status404NotFound);
}
