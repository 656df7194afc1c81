using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Members;

/// <summary>
/// The shape every pipeline step's route shares: POST /members/{id}/pipeline/{step}, members.write, the
/// updated timeline in answer; a step before its earliest date is 409 with the date and the rule, unless a
/// holder of members.override gives a reason.
/// </summary>
internal static class PipelineStepRoute
{
    public static void Map<TRequest>(
        RouteGroupBuilder group,
        string step,
        string name,
        Func<Guid, TRequest, ICommand<PipelineView>> command,
        string summary,
        string description
    ) =>
        group
            .MapPost(
                $"/{{id:guid}}/pipeline/{step}",
                async Task<Ok<PipelineView>> (
                    Guid id,
                    TRequest request,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    // A generic parameter loses its nullability, so the
                    // framework lets an empty body through: refuse it as it would.
                    TypedResults.Ok(
                        await mediator.Send(
                            command(
                                id,
                                request ?? throw new BadHttpRequestException("A non-empty request body is required.")
                            ),
                            cancellationToken
                        )
                    )
            )
            .WithName(name)
            .RequirePermission(Permissions.MembersWrite)
            .WithSummary(summary)
            .WithDescription(description)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
