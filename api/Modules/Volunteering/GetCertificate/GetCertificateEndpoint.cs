using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Volunteering.GetCertificate;

internal static class GetCertificateEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/certificates/{id:guid}",
                async Task<Ok<CertificatePrintResponse>> (
                    Guid id,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) => TypedResults.Ok(await mediator.Send(new GetCertificateQuery(id), cancellationToken))
            )
            .WithName("GetVolunteerCertificate")
            .RequirePermission(Permissions.VolunteeringRead)
            .WithSummary("A service certificate as printed: number, check code, full name, organization, hours, star")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
