using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Members.ImportMembers;

internal static class ImportMembersEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/import",
                async Task<Results<Ok<ImportMembersResult>, ProblemHttpResult>> (
                    Guid organizationId,
                    IFormFile file,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                {
                    await using var stream = file.OpenReadStream();
                    var result = await mediator.Send(
                        new ImportMembersCommand(organizationId, Path.GetFileName(file.FileName), stream),
                        cancellationToken
                    );
                    if (result.Imported > 0)
                    {
                        return TypedResults.Ok(result);
                    }
                    var problems = result.Report.Errors.Count;
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status400BadRequest,
                        title: Localized.Text("导入文件有误", "The import file has problems"),
                        detail: problems == 0
                            ? Localized.Text(
                                "文件中没有数据行，未导入任何记录。",
                                "The file has no data rows; nothing was imported."
                            )
                            : Localized.Text(
                                $"文件中有 {problems} 处问题，未导入任何记录。",
                                $"The file has {problems} problems; nothing was imported."
                            ),
                        extensions: new Dictionary<string, object?>
                        {
                            ["code"] = "import_has_errors",
                            ["report"] = result.Report,
                        }
                    );
                }
            )
            .WithName("ImportMembers")
            .RequirePermission(Permissions.MembersWrite)
            .WithSummary("Import a member spreadsheet")
            .WithDescription(
                "Import a member spreadsheet (.xlsx or .csv, multipart field 'file') under an organization, all "
                    + "rows in one transaction. The file is checked again first: any problem is 400 "
                    + "import_has_errors with the report "
                    + "(row, column, message), and nothing is written."
            )
            // Sign-in cookies are SameSite=Strict and API keys are headers, so a cross-site form cannot post here.
            .DisableAntiforgery()
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
