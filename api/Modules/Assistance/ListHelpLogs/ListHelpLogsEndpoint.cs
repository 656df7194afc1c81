using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Assistance.ListHelpLogs;

internal static class ListHelpLogsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/pairings/{id:guid}/help-logs",
                async Task<Ok<Paged<HelpLogResponse>>> (
                    Guid id,
                    int? page,
                    int? pageSize,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            new ListHelpLogsQuery(id, PageRequest.From(page, pageSize)),
                            cancellationToken
                        )
                    )
            )
            .WithName("ListHelpLogs")
            .RequirePermission(Permissions.FundsRead)
            .WithSummary("A pair's help logs, newest first")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
