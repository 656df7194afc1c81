using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Assistance.ListApplications;

/// <summary>
/// The list's filters, bound once: status, the tier whose inbox it is (awaiting=Street: reviewed and waiting for
/// the street; awaiting=District: approved by the street and waiting for the district), year, member, drawn for a
/// receipt check (sampled), and drawn but not yet visited (awaitingFollowUp=true).
/// </summary>
internal sealed record ApplicationFilter(
    [FromQuery(Name = "status")] ApplicationStatus? Status,
    [FromQuery(Name = "awaiting")] ApprovalTier? Awaiting,
    [FromQuery(Name = "year")] int? Year,
    [FromQuery(Name = "memberId")] Guid? MemberId,
    [FromQuery(Name = "sampled")] bool? Sampled = null,
    [FromQuery(Name = "awaitingFollowUp")] bool? AwaitingFollowUp = null
);

internal sealed record ApplicationSummary(
    Guid Id,
    Guid OrganizationId,
    Guid MemberId,
    string MemberName,
    AssistanceCategory Category,
    Money Amount,
    int Year,
    ApplicationStatus Status,
    ApprovalTier Tier,
    Guid? RepeatOfId,
    DateOnly? NoticeTo,
    DateOnly? PaidOn,
    bool Sampled,
    FollowUpOutcome? FollowUp,
    long Version
);

internal sealed record ListApplicationsQuery(ApplicationFilter Filter, PageRequest Page, string? Sort = null)
    : IQuery<Paged<ApplicationSummary>>;

internal sealed class ListApplicationsValidator : AbstractValidator<ListApplicationsQuery>
{
    public ListApplicationsValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.Filter.Status).IsInEnum().Field("status");
        RuleFor(q => q.Filter.Awaiting).IsInEnum().Field("awaiting");
        RuleFor(q => q.Filter.Year).InclusiveBetween(2000, 2199).Field("year");
    }
}

internal sealed class ListApplicationsHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<ListApplicationsQuery, Paged<ApplicationSummary>>
{
    private const string Where = """
        WHERE org_path >= @from AND org_path < @to
          AND (@status IS NULL OR status = @status)
          AND (@awaitingStatus IS NULL OR status = @awaitingStatus)
          AND (@year IS NULL OR year = @year)
          AND (@memberId IS NULL OR member_id = @memberId)
          AND (@sampled IS NULL OR sampled = @sampled)
          AND (@awaitingFollowUp IS NULL OR (sampled = @awaitingFollowUp AND follow_up IS NULL))
        """;

    private const string CountSql = "SELECT COUNT(*) FROM assistance_applications " + Where;

    private const string PageSql =
        """
            SELECT id, org_id, member_id, member_name, category, amount, year, status, tier, repeat_of_id, notice_to,
                paid_on, sampled, follow_up, version
            FROM assistance_applications
            """
        + " "
        + Where
        + " ORDER BY {orderBy} {page}";

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["createdAt"] = "created_at",
        ["amount"] = "amount",
        ["memberName"] = "member_name {collate-zh}",
        ["status"] = "status",
    };

    public async ValueTask<Paged<ApplicationSummary>> Handle(
        ListApplicationsQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var order = SortOrder.Parse(query.Sort, SortColumns, "-createdAt", "id");
        var filter = query.Filter;
        var page = await db.QueryPageAsync<Row>(
            CountSql,
            PageSql,
            new
            {
                from = scope.From,
                to = scope.To,
                status = filter.Status?.ToString(),
                awaitingStatus = filter.Awaiting switch
                {
                    ApprovalTier.Street => nameof(ApplicationStatus.Reviewed),
                    ApprovalTier.District => nameof(ApplicationStatus.StreetApproved),
                    _ => null,
                },
                year = filter.Year,
                memberId = filter.MemberId,
                sampled = filter.Sampled,
                awaitingFollowUp = filter.AwaitingFollowUp,
            },
            query.Page,
            order,
            cancellationToken
        );
        return page.Map(r => new ApplicationSummary(
            r.Id,
            r.OrgId,
            r.MemberId,
            r.MemberName,
            r.Category,
            Money.FromFen(r.Amount),
            r.Year,
            r.Status,
            r.Tier,
            r.RepeatOfId,
            r.NoticeTo,
            r.PaidOn,
            r.Sampled,
            r.FollowUp,
            r.Version
        ));
    }

    private sealed record Row
    {
        public Guid Id { get; init; }
        public Guid OrgId { get; init; }
        public Guid MemberId { get; init; }
        public string MemberName { get; init; } = "";
        public AssistanceCategory Category { get; init; }
        public long Amount { get; init; }
        public int Year { get; init; }
        public ApplicationStatus Status { get; init; }
        public ApprovalTier Tier { get; init; }
        public Guid? RepeatOfId { get; init; }
        public DateOnly? NoticeTo { get; init; }
        public DateOnly? PaidOn { get; init; }
        public bool Sampled { get; init; }
        public FollowUpOutcome? FollowUp { get; init; }
        public long Version { get; init; }
    }
}
