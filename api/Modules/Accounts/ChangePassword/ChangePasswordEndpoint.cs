using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Accounts.Domain;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Accounts.ChangePassword;

internal static class ChangePasswordEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/change-password",
                async Task<NoContent> (
                    ChangePasswordCommand command,
                    IMediator mediator,
                    HttpContext http,
                    CancellationToken cancellationToken
                ) =>
                {
                    var principal = await mediator.Send(
                        command with
                        {
                            SessionId = Users.SessionOf(http.User),
                        },
                        cancellationToken
                    );
                    // This session carries the new stamp; every other one ends.
                    await http.SignInAsync(AuthenticationSchemes.Cookie, principal);
                    return TypedResults.NoContent();
                }
            )
            .WithName("ChangePassword")
            .WithSummary(
                "Change your password (10–128 characters; not a common password, a repetition, the username "
                    + "or the current one); every other session ends."
            )
            .RequireSignedIn()
            .ProducesValidationProblem();
}
