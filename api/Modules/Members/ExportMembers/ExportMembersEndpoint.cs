using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Members.ListMembers;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Members.ExportMembers;

internal static class ExportMembersEndpoint
{
    public static void Map(RouteGroupBuilder group) => group
        .MapGet("/export", async Task<FileContentHttpResult> (string? q, Guid? organizationId, bool? includeDescendants, MemberCategory? category,
            MemberStage? stage, MemberStatus? status, int? ageFrom, int? ageTo, int? joinYear, bool? inHardship, string? sort, SpreadsheetFormat? format,
            string? revealReason, IMediator mediator, CancellationToken cancellationToken) =>
        {
            var filter = new ListMembersQuery(q, organizationId, includeDescendants ?? true, category, stage, status, ageFrom, ageTo, joinYear,
                PageRequest.From(1, PageRequest.MaxPageSize), sort, inHardship ?? false);
            var file = await mediator.Send(new ExportMembersQuery(filter, format ?? SpreadsheetFormat.Xlsx, revealReason), cancellationToken);
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        })
        .WithName("ExportMembers")
        .RequirePermission(Permissions.MembersRead)
        .WithSummary("Export the member register as filtered on the list (same parameters) to .xlsx or .csv (format=Xlsx|Csv), at most 50,000 rows (409 export_too_large). ID numbers and phones are masked; revealReason (with members.reveal-pii) exports them whole as one audited reveal.")
        .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
