using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Assistance.ListNotices;

/// <summary>One line of the in-party notice (党内公示): the name masked, as posted inside the party.</summary>
internal sealed record NoticeEntry(
    Guid ApplicationId,
    Guid OrganizationId,
    string OrganizationName,
    string MemberName,
    AssistanceCategory Category,
    Money Amount,
    DateOnly NoticeFrom,
    DateOnly NoticeTo
);

/// <summary>The notices running on a day (default today) in a subtree (default the caller's scope).</summary>
internal sealed record ListNoticesQuery(Guid? OrganizationId, DateOnly? On, PageRequest Page, string? Sort = null)
    : IQuery<Paged<NoticeEntry>>;

internal sealed class ListNoticesValidator : AbstractValidator<ListNoticesQuery>
{
    public ListNoticesValidator() => this.AddPagingRules(q => q.Page);
}

internal sealed class ListNoticesHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    TimeProvider clock
) : IQueryHandler<ListNoticesQuery, Paged<NoticeEntry>>
{
    // A rejected or withdrawn application is taken down; an approved or paid one stays until its notice ends.
    private const string Where = """
        WHERE org_path >= @from AND org_path < @to AND notice_from <= @on AND notice_to >= @on
          AND status NOT IN ('Rejected', 'Cancelled')
        """;

    private const string CountSql = "SELECT COUNT(*) FROM assistance_applications " + Where;

    private const string PageSql =
        "SELECT id, org_id, member_name, category, amount, notice_from, notice_to FROM assistance_applications "
        + Where
        + " ORDER BY {orderBy} {page}";

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["noticeTo"] = "notice_to",
        ["noticeFrom"] = "notice_from",
        ["amount"] = "amount",
        ["category"] = "category",
    };

    public async ValueTask<Paged<NoticeEntry>> Handle(ListNoticesQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var (from, to) = (scope.From, scope.To);
        if (query.OrganizationId is { } organizationId)
        {
            var subtree =
                await organizations.SubtreeWithinAsync(organizationId, scope, cancellationToken)
                ?? throw new NotFoundException("organization");
            (from, to) = (subtree.PathFrom, subtree.PathTo);
        }
        var page = await db.QueryPageAsync<Row>(
            CountSql,
            PageSql,
            new
            {
                from,
                to,
                on = query.On ?? clock.Today(),
            },
            query.Page,
            SortOrder.Parse(query.Sort, SortColumns, "noticeTo", "id"),
            cancellationToken
        );
        var names = await organizations.NamesAsync(
            page.Items.Select(r => r.OrgId).Distinct().ToList(),
            cancellationToken
        );
        return page.Map(r => new NoticeEntry(
            r.Id,
            r.OrgId,
            names.GetValueOrDefault(r.OrgId, ""),
            PersonalDataMask.Name(r.MemberName),
            r.Category,
            Money.FromFen(r.Amount),
            r.NoticeFrom,
            r.NoticeTo
        ));
    }

    private sealed record Row
    {
        public Guid Id { get; init; }
        public Guid OrgId { get; init; }
        public string MemberName { get; init; } = "";
        public AssistanceCategory Category { get; init; }
        public long Amount { get; init; }
        public DateOnly NoticeFrom { get; init; }
        public DateOnly NoticeTo { get; init; }
    }
}
