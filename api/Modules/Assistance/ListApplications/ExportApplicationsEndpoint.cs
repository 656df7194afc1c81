using System.Globalization;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Assistance.ListApplications;

/// <summary>The applications list as a file: the same query, filters and sort; names masked, as the file leaves the
/// system (the list on screen shows them to fund staff).</summary>
internal static class ExportApplicationsEndpoint
{
    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string YesNo(bool value) => value ? Localized.Text("是", "Yes") : Localized.Text("否", "No");

    private static readonly IReadOnlyList<ExportColumn<ApplicationSummary>> Columns =
    [
        new("帮扶对象", "Member helped", a => PersonalDataMask.Name(a.MemberName)),
        new("帮扶类别", "Category", a => Labels.Text(a.Category)),
        new("金额（元）", "Amount (yuan)", a => a.Amount.Yuan),
        new("年度", "Year", a => a.Year),
        new("状态", "Status", a => Labels.Text(a.Status)),
        new("审批层级", "Approval tier", a => Labels.Text(a.Tier)),
        new("公示截止", "Notice until", a => Day(a.NoticeTo)),
        new("发放日期", "Paid on", a => Day(a.PaidOn)),
        new("同期重复申请", "Repeat in the period", a => YesNo(a.RepeatOfId is not null)),
        new("已抽查回访", "Sampled for a check", a => YesNo(a.Sampled)),
    ];

    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/applications/export",
                async Task<FileStreamHttpResult> (
                    [AsParameters] ApplicationFilter filter,
                    string? sort,
                    SpreadsheetFormat? format,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                    ListExport.File(
                        await mediator.Send(
                            new ListApplicationsQuery(filter, PageRequest.ForExport, sort),
                            cancellationToken
                        ),
                        Columns,
                        format ?? SpreadsheetFormat.Xlsx,
                        Localized.Text("帮扶申请", "Applications"),
                        "assistance-applications",
                        clock
                    )
            )
            .WithName("ExportApplications")
            .RequirePermission(Permissions.FundsRead)
            .WithSummary(
                "Applications within your scope as .xlsx or .csv (format=Xlsx|Csv): the list's filters (status, "
                    + "awaiting, year, memberId, sampled) and sort; names masked (王*明)"
            )
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem();
}
