using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Accounts.SignIn;

internal static class SignInEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/sign-in",
                async Task<Results<NoContent, ProblemHttpResult>> (
                    SignInCommand command,
                    IMediator mediator,
                    HttpContext http,
                    CancellationToken cancellationToken
                ) =>
                {
                    var result = await mediator.Send(command, cancellationToken);
                    if (result.Outcome == SignInOutcome.SignedIn)
                    {
                        await http.SignInAsync(AuthenticationSchemes.Cookie, result.Principal!);
                        return TypedResults.NoContent();
                    }
                    var locked = result.Outcome == SignInOutcome.LockedOut;
                    var extensions = new Dictionary<string, object?>
                    {
                        ["code"] = locked ? "account_locked" : "invalid_credentials",
                        ["requestId"] = http.TraceIdentifier,
                    };
                    if (locked)
                    {
                        extensions["lockedUntil"] = result.LockedUntil;
                    }
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status401Unauthorized,
                        title: Localized.Text("登录失败", "Sign-in failed"),
                        detail: locked
                            ? Localized.Text(
                                "从此地址连续 5 次密码错误，该账户在此地址锁定 15 分钟。",
                                "Five wrong passwords in a row from this address: "
                                    + "the account is locked here for 15 minutes."
                            )
                            : Localized.Text("用户名或密码不正确。", "The username or password is wrong."),
                        extensions: extensions
                    );
                }
            )
            .WithName("SignIn")
            .WithSummary("Sign in with username and password")
            .WithDescription(
                "Sign in with username and password; sets the HttpOnly session cookie. Five failures within 15 "
                    + "minutes lock that username for 15 minutes from that client address only."
            )
            .AllowPublic()
            .RequireRateLimiting(RateLimitingSetup.SignInPolicy)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
