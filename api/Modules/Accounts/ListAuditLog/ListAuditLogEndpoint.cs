using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Accounts.ListAuditLog;

internal static class ListAuditLogEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/",
                async Task<Ok<Paged<AuditEntry>>> (
                    Guid? actorId,
                    string? action,
                    string? entityType,
                    string? entityId,
                    Guid? within,
                    DateTimeOffset? from,
                    DateTimeOffset? to,
                    int? page,
                    int? pageSize,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            new ListAuditLogQuery(
                                actorId,
                                action,
                                entityType,
                                entityId,
                                within,
                                from,
                                to,
                                PageRequest.From(page, pageSize)
                            ),
                            cancellationToken
                        )
                    )
            )
            .WithName("ListAuditLog")
            .WithSummary(
                "The append-only audit log within your scope: every "
                    + "write, sign-in and personal-data reveal, newest first."
            )
            .RequirePermission(Permissions.AuditRead)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
