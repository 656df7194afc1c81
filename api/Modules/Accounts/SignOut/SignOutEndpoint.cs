using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Accounts.SignOut;

internal static class SignOutEndpoint
{
    public static void Map(RouteGroupBuilder group) => group
        .MapPost("/sign-out", async Task<NoContent> (IMediator mediator, HttpContext http, CancellationToken cancellationToken) =>
        {
            await mediator.Send(new SignOutCommand(), cancellationToken);
            await http.SignOutAsync(AuthenticationSchemes.Cookie);
            return TypedResults.NoContent();
        })
        .WithName("SignOut")
        .WithSummary("End the current session.")
        .RequireSignedIn();
}
