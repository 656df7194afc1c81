using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.GetShareRegister;

internal static class GetShareRegisterEndpoint
{
    private sealed record RegisterLine(RegisterHousehold Household, RegisterMember Member, string Shares);

    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/collectives/{id:guid}/register",
                async Task<Ok<ShareRegisterResponse>> (
                    Guid id,
                    DateOnly? asOf,
                    Guid? householdId,
                    string? q,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(new GetShareRegisterQuery(id, asOf, householdId, q), cancellationToken)
                    )
            )
            .WithName("GetShareRegister")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("The share register as of a day (today by default): households, members, shares, totals")
            .WithDescription(
                "The register of a collective as of asOf: every household with its members (ID numbers and accounts "
                    + "masked) and each member's shares on that day, summed from the dated share changes, with totals "
                    + "per share type. householdId gives one household (the 股权证); q searches names and numbers."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group
            .MapGet(
                "/collectives/{id:guid}/register/export",
                async Task<FileStreamHttpResult> (
                    Guid id,
                    DateOnly? asOf,
                    string? q,
                    SpreadsheetFormat? format,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                {
                    var register = await mediator.Send(new GetShareRegisterQuery(id, asOf, null, q), cancellationToken);
                    var names = register.ShareTypes.ToDictionary(t => t.Id, t => t.Name);
                    var lines = register
                        .Households.SelectMany(h =>
                            h.Members.Select(m => new RegisterLine(
                                h,
                                m,
                                string.Join("；", m.Shares.Select(s => $"{names[s.ShareTypeId]} {s.Quantity}"))
                            ))
                        )
                        .ToList();
                    ListExport.EnsureWithinLimit(lines.Count);
                    IReadOnlyList<ExportColumn<RegisterLine>> columns =
                    [
                        new("户号", "Household", l => l.Household.Number),
                        new("户主", "Head", l => l.Household.HeadName),
                        new("姓名", "Name", l => l.Member.Name),
                        new("与户主关系", "Relation", l => Labels.Text(l.Member.Relation)),
                        new("公民身份号码", "ID number", l => l.Member.IdNumberMasked),
                        new("银行账号", "Bank account", l => l.Member.BankAccountMasked),
                        new("状态", "Status", l => Labels.Text(l.Member.Status)),
                        new("持股", "Shares", l => l.Shares),
                    ];
                    return ListExport.File(
                        new Paged<RegisterLine>(lines, lines.Count, 1, Math.Max(1, lines.Count)),
                        columns,
                        format ?? SpreadsheetFormat.Xlsx,
                        Localized.Text("股权登记簿", "Share register"),
                        "share-register",
                        clock
                    );
                }
            )
            .WithName("ExportShareRegister")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("The share register as of a day as .xlsx or .csv (format=Xlsx|Csv), one row per member")
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
