using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Volunteering.IssueCertificate;

internal static class IssueCertificateEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/volunteers/{id:guid}/certificates",
                async Task<Created<CertificateResponse>> (
                    Guid id,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                {
                    var certificate = await mediator.Send(new IssueCertificateCommand(id), cancellationToken);
                    return TypedResults.Created($"/api/v1/volunteering/certificates/{certificate.Id}", certificate);
                }
            )
            .WithName("IssueVolunteerCertificate")
            .RequirePermission(Permissions.VolunteeringWrite)
            .WithSummary("Issue a service certificate")
            .WithIdempotency()
            .WithDescription(
                "Issue a service certificate (志愿服务证明) for the hours recorded today: a number and a check code "
                    + "that anyone can verify at GET /api/v1/volunteering/public/certificates/{code}. A volunteer "
                    + "without hours is 409 certificate_without_hours."
            )
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
