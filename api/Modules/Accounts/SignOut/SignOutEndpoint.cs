using System.Security.Claims;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Accounts.Domain;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Accounts.SignOut;

internal static class SignOutEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/sign-out",
                async Task<NoContent> (IMediator mediator, HttpContext http, CancellationToken cancellationToken) =>
                {
                    if (Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
                    {
                        await mediator.Send(new SignOutCommand(userId, Users.SessionOf(http.User)), cancellationToken);
                    }
                    await http.SignOutAsync(AuthenticationSchemes.Cookie);
                    return TypedResults.NoContent();
                }
            )
            .WithName("SignOut")
            .WithSummary(
                "End the current session on the server (a copy of its cookie stops working); "
                    + "other devices stay signed in."
            )
            .RequireSignedIn();
}
