using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Members.GetPipeline;

internal static class GetPipelineEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/{id:guid}/pipeline",
                async Task<Ok<PipelineView>> (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                    TypedResults.Ok(await mediator.Send(new GetPipelineQuery(id), cancellationToken))
            )
            .WithName("GetPipeline")
            .RequirePermission(Permissions.MembersRead)
            .WithSummary(
                "A person's development timeline: every step, and the next "
                    + "one with its earliest allowed date under the region's rules."
            )
            .ProducesProblem(StatusCodes.Status404NotFound);
}
