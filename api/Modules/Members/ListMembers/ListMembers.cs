using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Members.ListMembers;

/// <summary>A page of the member register inside the caller's subtree, personal data masked.</summary>
internal sealed record MemberListItem(
    Guid Id,
    Guid OrganizationId,
    string OrganizationName,
    string Name,
    Gender Gender,
    int Age,
    string IdNumber,
    Education? Education,
    MemberCategory Category,
    MemberStage Stage,
    MemberStatus Status,
    DateOnly? JoinedOn,
    DateOnly? FullMemberOn,
    long Version);

internal sealed record ListMembersQuery(
    string? Q,
    Guid? OrganizationId,
    bool IncludeDescendants,
    MemberCategory? Category,
    MemberStage? Stage,
    MemberStatus? Status,
    int? AgeFrom,
    int? AgeTo,
    int? JoinYear,
    PageRequest Page,
    string? Sort,
    bool InHardship = false) : IQuery<Paged<MemberListItem>>;

internal sealed class ListMembersValidator : AbstractValidator<ListMembersQuery>
{
    public ListMembersValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.Q).MaximumLength(50);
        RuleFor(q => q.Category).IsInEnum();
        RuleFor(q => q.Stage).IsInEnum();
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.AgeFrom).InclusiveBetween(0, 150);
        RuleFor(q => q.AgeTo).InclusiveBetween(0, 150).GreaterThanOrEqualTo(q => q.AgeFrom ?? 0);
        RuleFor(q => q.JoinYear).InclusiveBetween(1921, 9998);
    }
}

internal sealed class ListMembersHandler(DbSession db, CurrentScope currentScope, IOrganizationDirectory organizations, TimeProvider clock)
    : IQueryHandler<ListMembersQuery, Paged<MemberListItem>>
{
    public static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["name"] = "name",
        ["birthDate"] = "birth_date",
        ["joinedOn"] = "joined_on",
        ["stage"] = "stage",
        ["category"] = "category",
        ["createdAt"] = "created_at",
        ["tree"] = "org_path",
    };

    private const string Filter = """
        FROM members
        WHERE org_path >= @from AND org_path < @to
          AND (@orgId IS NULL OR org_id = @orgId)
          AND (@pattern IS NULL OR name LIKE @pattern ESCAPE '\')
          AND (@category IS NULL OR category = @category)
          AND (@stage IS NULL OR stage = @stage)
          AND (@status IS NULL OR status = @status)
          AND (@bornAfter IS NULL OR birth_date > @bornAfter)
          AND (@bornOnOrBefore IS NULL OR birth_date <= @bornOnOrBefore)
          AND (@joinedFrom IS NULL OR (joined_on >= @joinedFrom AND joined_on < @joinedTo))
          AND (@inHardship = 0 OR EXISTS (
                SELECT 1 FROM member_hardships h
                WHERE h.member_id = members.id AND h.since <= @today AND (h.until IS NULL OR h.until >= @today)))
        """;

    public const string CountSql = "SELECT COUNT(*) " + Filter;

    public const string PageSql = "SELECT " + MemberRecords.Columns + "\n" + Filter + "\nORDER BY {orderBy}\n{page}";

    public async ValueTask<Paged<MemberListItem>> Handle(ListMembersQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var order = SortOrder.Parse(query.Sort, SortColumns, "tree,name", "id");
        var today = clock.Today();
        var (from, to, orgId) = await RangeAsync(organizations, scope, query, cancellationToken);
        var page = await db.QueryPageAsync<MemberRow>(CountSql, PageSql, FilterParameters(query, from, to, orgId, today), query.Page, order, cancellationToken);
        var names = await organizations.NamesAsync(page.Items.Select(m => m.OrgId).Distinct().ToList(), cancellationToken);
        return page.Map(m => new MemberListItem(m.Id, m.OrgId, names.GetValueOrDefault(m.OrgId, ""), m.Name, m.Gender, MemberRow.YearsBetween(m.BirthDate, m.LivedUntil(today)),
            m.IdNumberMasked, m.Education, m.Category, m.Stage, m.Status, m.JoinedOn, m.FullMemberOn, m.Version));
    }

    /// <summary>The parameters of <see cref="CountSql"/> and <see cref="PageSql"/> (shared with the export, which lists the same members).</summary>
    internal static object FilterParameters(ListMembersQuery query, string from, string to, Guid? orgId, DateOnly today) => new
    {
        from,
        to,
        orgId,
        pattern = LikePattern.Contains(query.Q),
        category = query.Category?.ToString(),
        stage = query.Stage?.ToString(),
        status = query.Status?.ToString(),
        // Aged at least N today: born on or before today N years ago; at most M: born after today M+1 years ago.
        bornOnOrBefore = query.AgeFrom is { } ageFrom ? today.AddYears(-ageFrom) : (DateOnly?)null,
        bornAfter = query.AgeTo is { } ageTo ? today.AddYears(-ageTo - 1) : (DateOnly?)null,
        joinedFrom = query.JoinYear is { } year ? new DateOnly(year, 1, 1) : (DateOnly?)null,
        joinedTo = query.JoinYear is { } next ? new DateOnly(next + 1, 1, 1) : (DateOnly?)null,
        inHardship = query.InHardship ? 1 : 0,
        today,
    };

    /// <summary>The caller's scope, narrowed to an organization's subtree (or the organization alone).</summary>
    internal static async Task<(string From, string To, Guid? OrgId)> RangeAsync(IOrganizationDirectory organizations, DataScope scope, ListMembersQuery query,
        CancellationToken cancellationToken)
    {
        var (from, to) = await MemberRecords.RangeAsync(organizations, scope, query.OrganizationId, cancellationToken);
        return (from, to, query.IncludeDescendants ? null : query.OrganizationId);
    }
}
