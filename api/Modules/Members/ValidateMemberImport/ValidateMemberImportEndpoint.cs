using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Members.ValidateMemberImport;

internal static class ValidateMemberImportEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/import/validate",
                async Task<Ok<ImportReport>> (
                    Guid organizationId,
                    IFormFile file,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                {
                    await using var stream = file.OpenReadStream();
                    return TypedResults.Ok(
                        await mediator.Send(new ValidateMemberImportQuery(organizationId, stream), cancellationToken)
                    );
                }
            )
            .WithName("ValidateMemberImport")
            .RequirePermission(Permissions.MembersWrite)
            .WithSummary("Check a member spreadsheet")
            .WithDescription(
                "Check a member spreadsheet (.xlsx or .csv, multipart field 'file') for import under an "
                    + "organization: every row is checked as the create route "
                    + "would, and the report lists each problem as (row, "
                    + "column, message). Nothing is written. A row registered "
                    + "outside the caller's organizations says only "
                    + "'registered elsewhere' (audited, counted per hour: 429 past the limit); more than "
                    + "Security:ImportRegisteredElsewhereLimit such rows refuse the "
                    + "file as a whole (409 import_registered_elsewhere, audited)."
            )
            // Sign-in cookies are SameSite=Strict and API keys are headers, so a cross-site form cannot post here.
            .DisableAntiforgery()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
