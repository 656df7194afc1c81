using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Accounts.ChangePassword;

internal static class ChangePasswordEndpoint
{
    public static void Map(RouteGroupBuilder group) => group
        .MapPost("/change-password", async Task<NoContent> (ChangePasswordCommand command, IMediator mediator, HttpContext http, CancellationToken cancellationToken) =>
        {
            var principal = await mediator.Send(command, cancellationToken);
            // This session carries the new stamp; every other one ends.
            await http.SignInAsync(AuthenticationSchemes.Cookie, principal);
            return TypedResults.NoContent();
        })
        .WithName("ChangePassword")
        .WithSummary("Change your password (at least 10 characters, not the username); every other session ends.")
        .RequireSignedIn()
        .ProducesValidationProblem();
}
