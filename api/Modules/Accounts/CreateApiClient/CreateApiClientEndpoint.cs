using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Accounts.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Accounts.CreateApiClient;

internal static class CreateApiClientEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/",
                async Task<Created<ApiClientResponse>> (
                    CreateApiClientRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var client = await mediator.Send(new CreateApiClientCommand(request), cancellationToken);
                    response.Headers.CacheControl = "no-store";
                    return TypedResults.Created($"/api/v1/api-clients/{client.Id}", client);
                }
            )
            .WithName("CreateApiClient")
            .WithSummary(
                "Create an API client for another system; the key "
                    + "(send it as X-Api-Key) is shown in this response only."
            )
            .RequirePermission(Permissions.ApiClientsManage)
            // Not idempotent on purpose: a replay would have to keep the plaintext key for 24 hours. The header is
            // refused rather than ignored, so a client that counts on a safe retry learns that there is none.
            .RefusingIdempotencyKey()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
