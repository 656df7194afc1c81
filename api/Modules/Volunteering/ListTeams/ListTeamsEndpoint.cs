using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Volunteering.ListTeams;

internal sealed record TeamFilter(
    [FromQuery(Name = "organizationId")] Guid? OrganizationId,
    [FromQuery(Name = "q")] string? Q
)
{
    public ListTeamsQuery ToQuery(PageRequest page, string? sort) => new(OrganizationId, Q, page, sort);
}

internal static class ListTeamsEndpoint
{
    private const string Parameters =
        "organizationId (its subtree), q (part of the name). Sort by name, memberCount, createdAt.";

    private static readonly IReadOnlyList<ExportColumn<TeamResponse>> Columns =
    [
        new("服务队名称", "Team", t => t.Name),
        new("所属党组织", "Organization", t => t.OrganizationName),
        new("队长", "Leader", t => t.LeaderName),
        new("队员人数", "Members", t => t.MemberCount),
        new("服务特长", "Skills", t => string.Join("、", t.Skills)),
    ];

    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/teams",
                async Task<Ok<Paged<TeamResponse>>> (
                    [AsParameters] TeamFilter filter,
                    int? page,
                    int? pageSize,
                    string? sort,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(filter.ToQuery(PageRequest.From(page, pageSize), sort), cancellationToken)
                    )
            )
            .WithName("ListVolunteerTeams")
            .RequirePermission(Permissions.VolunteeringRead)
            .WithSummary("Party volunteer teams: " + Parameters)
            .ProducesValidationProblem();

        group
            .MapGet(
                "/teams/export",
                async Task<FileStreamHttpResult> (
                    [AsParameters] TeamFilter filter,
                    string? sort,
                    SpreadsheetFormat? format,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                    ListExport.File(
                        await mediator.Send(filter.ToQuery(PageRequest.ForExport, sort), cancellationToken),
                        Columns,
                        format ?? SpreadsheetFormat.Xlsx,
                        Localized.Text("党员志愿服务队", "Volunteer teams"),
                        "volunteer-teams",
                        clock
                    )
            )
            .WithName("ExportVolunteerTeams")
            .RequirePermission(Permissions.VolunteeringRead)
            .WithSummary(
                "The teams, whole, as .xlsx or .csv (format=Xlsx|Csv) with the list's parameters: "
                    + Parameters
                    + " At most 50,000 rows (409 export_too_large)."
            )
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem();
    }
}
