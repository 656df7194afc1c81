using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.ListPayouts;

/// A plan's payouts (status Unpaid lists what is unclaimed, or what goes in the bank's batch file).
internal sealed record ListPayoutsQuery(Guid PlanId, PayoutStatus? Status, PageRequest Page, string? Sort)
    : IQuery<Paged<PayoutListItem>>;

internal sealed record PayoutListItem
{
    public Guid Id { get; init; }
    public int LineNo { get; init; }
    public Guid HouseholdId { get; init; }
    public string Name { get; init; } = "";
    public string? IdNumberMasked { get; init; }
    public string? BankName { get; init; }
    public string? BankAccountMasked { get; init; }
    public PayoutKind Kind { get; init; }
    public Jiceng.Infrastructure.Primitives.Money Amount { get; init; }
    public PayoutStatus Status { get; init; }
    public ConfirmationMethod? Method { get; init; }
    public DateOnly? PaidOn { get; init; }
    public string? Reference { get; init; }
    public string? FailureReason { get; init; }
    public long Version { get; init; }
}

internal sealed class ListPayoutsValidator : AbstractValidator<ListPayoutsQuery>
{
    public ListPayoutsValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.Status).IsInEnum();
    }
}

internal sealed class ListPayoutsHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<ListPayoutsQuery, Paged<PayoutListItem>>
{
    private const string Filter = """
        FROM dividend_payouts d
        LEFT JOIN collective_members m ON m.id = d.payee_id
        WHERE d.plan_id = @planId AND d.org_path >= @from AND d.org_path < @to
          AND (@status IS NULL OR d.status = @status)
        """;

    private const string CountSql = "SELECT COUNT(*) " + Filter;

    private const string PageSql =
        """
            SELECT d.id, d.line_no, d.household_id, d.name, m.id_number_masked, m.bank_name, m.bank_account_masked,
                d.kind, d.amount_fen AS amount, d.status, d.method, d.paid_on, d.reference, d.failure_reason, d.version
            """
        + "\n"
        + Filter
        + "\nORDER BY {orderBy}\n{page}";

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["lineNo"] = "d.line_no",
        ["name"] = "d.name {collate-zh}",
        ["amount"] = "d.amount_fen",
    };

    public async ValueTask<Paged<PayoutListItem>> Handle(ListPayoutsQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var plan = await PlanRecords.FindAsync(db, scope, query.PlanId, cancellationToken);
        var order = SortOrder.Parse(query.Sort, SortColumns, "lineNo", "d.id");
        return await db.QueryPageAsync<PayoutListItem>(
            CountSql,
            PageSql,
            new
            {
                planId = plan.Id,
                status = query.Status?.ToString(),
                from = scope.From,
                to = scope.To,
            },
            query.Page,
            order,
            cancellationToken
        );
    }
}
