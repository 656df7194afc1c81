using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Volunteering.CheckCertificate;

internal static class CheckCertificateEndpoint
{
    public const string RateLimitPolicy = "volunteering-certificate-check";

    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/public/certificates/{code}",
                async Task<Ok<CertificateCheckResponse>> (
                    string code,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var checkedCertificate = await mediator.Send(new CheckCertificateQuery(code), cancellationToken);
                    // What a stranger's browser keeps of a person's certificate: nothing.
                    response.Headers.CacheControl = "no-store";
                    return TypedResults.Ok(checkedCertificate);
                }
            )
            .WithName("CheckVolunteerCertificate")
            .AllowPublic()
            .RequireRateLimiting(RateLimitPolicy)
            .WithSummary("Check a service certificate's code (anonymous, rate-limited)")
            .WithDescription(
                "Anyone may check a certificate's 12-character code (case, spaces and dashes ignored): the answer is "
                    + "only the number, the masked name, the hours, the star level and the day of issue. An unknown "
                    + "or mistyped code is 404; more than Volunteering:CertificateChecksPerMinute checks a minute "
                    + "from one address is 429."
            )
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
