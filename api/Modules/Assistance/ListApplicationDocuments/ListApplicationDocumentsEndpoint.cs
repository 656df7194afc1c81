using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Assistance.ListApplicationDocuments;

internal static class ListApplicationDocumentsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/applications/{id:guid}/documents",
                async Task<Ok<IReadOnlyList<ApplicationDocumentResponse>>> (
                    Guid id,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) => TypedResults.Ok(await mediator.Send(new ListApplicationDocumentsQuery(id), cancellationToken))
            )
            .WithName("ListApplicationDocuments")
            .RequirePermission(Permissions.FundsRead)
            .WithSummary("An application's supporting documents")
            .WithDescription(
                "At most 20, oldest first; file names masked (first character and extension). The content comes "
                    + "only through the download with a reason."
            )
            .ProducesProblem(StatusCodes.Status404NotFound);
}
