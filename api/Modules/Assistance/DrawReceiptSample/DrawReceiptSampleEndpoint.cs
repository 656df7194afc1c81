using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Assistance.DrawReceiptSample;

internal static class DrawReceiptSampleEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/receipt-samples",
                async Task<Ok<ReceiptSample>> (
                    DrawReceiptSampleRequest request,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) => TypedResults.Ok(await mediator.Send(new DrawReceiptSampleCommand(request), cancellationToken))
            )
            .WithName("DrawReceiptSample")
            .RequirePermission(Permissions.FundsWrite)
            .WithSummary("Draw paid applications at random for a follow-up visit")
            .WithDescription(
                "Draws count (1–100) of the year's paid or confirmed applications in the caller's scope that were "
                    + "not drawn before, marks them sampled (each its own conditional update, so two draws at once "
                    + "never take one twice) and answers them with how many were left to draw from. The list of "
                    + "applications filters sampled=true."
            )
            .ProducesValidationProblem();
}
