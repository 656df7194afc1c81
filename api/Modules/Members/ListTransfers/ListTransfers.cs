using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Members.ListTransfers;

internal enum TransferDirection
{
    [Label("转出", "Outgoing")]
    Outbox,

    [Label("转入", "Incoming")]
    Inbox,
}

internal sealed record ListTransfersQuery(
    TransferDirection Direction,
    TransferStatus? Status,
    bool ExpiredOnly,
    PageRequest Page,
    string? Sort
) : IQuery<Paged<TransferResponse>>;

internal sealed class ListTransfersValidator : AbstractValidator<ListTransfersQuery>
{
    public ListTransfersValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.Direction).IsInEnum();
        RuleFor(q => q.Status).IsInEnum();
    }
}

internal sealed class ListTransfersHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    TimeProvider clock
) : IQueryHandler<ListTransfersQuery, Paged<TransferResponse>>
{
    private const string Filter = """
        FROM member_transfers
        WHERE ((@outbox = 1 AND from_org_path >= @from AND from_org_path < @to) OR (@outbox = 0 AND to_org_path >=
            @from AND to_org_path < @to))
          AND (@status IS NULL OR status = @status)
          AND (@expiredBefore IS NULL OR status = 'Expired' OR (status = 'Pending' AND valid_until < @expiredBefore))
        """;

    private const string CountSql = "SELECT COUNT(*) " + Filter;

    private const string PageSql = "SELECT " + Transfers.Columns + "\n" + Filter + "\nORDER BY {orderBy}\n{page}";

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["issuedOn"] = "issued_on",
        ["validUntil"] = "valid_until",
        ["memberName"] = "member_name {collate-zh}",
    };

    public async ValueTask<Paged<TransferResponse>> Handle(
        ListTransfersQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var today = clock.Today();
        var page = await db.QueryPageAsync<TransferRow>(
            CountSql,
            PageSql,
            new
            {
                outbox = query.Direction == TransferDirection.Outbox ? 1 : 0,
                from = scope.From,
                to = scope.To,
                status = query.Status?.ToString(),
                expiredBefore = query.ExpiredOnly ? today : (DateOnly?)null,
            },
            query.Page,
            SortOrder.Parse(query.Sort, SortColumns, "-issuedOn", "id"),
            cancellationToken
        );
        var items = await Transfers.RespondAsync(page.Items, organizations, today, cancellationToken);
        return new Paged<TransferResponse>(items, page.Total, page.Page, page.PageSize);
    }
}
