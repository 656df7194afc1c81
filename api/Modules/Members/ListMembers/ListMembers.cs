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
    long Version
);

/// <summary>The register's filters with a page and a sort,
/// validated by the names the query string gives them.</summary>
internal sealed record ListMembersQuery : MemberFilter, IQuery<Paged<MemberListItem>>
{
    public ListMembersQuery(MemberFilter filter, PageRequest page, string? sort)
        : base(filter)
    {
        Page = page;
        Sort = sort;
    }

    public PageRequest Page { get; }

    public string? Sort { get; }
}

internal sealed class ListMembersValidator : AbstractValidator<ListMembersQuery>
{
    public ListMembersValidator()
    {
        this.AddPagingRules(q => q.Page);
        Include(new MemberFilterValidator());
    }
}

internal sealed class ListMembersHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    TimeProvider clock
) : IQueryHandler<ListMembersQuery, Paged<MemberListItem>>
{
    public async ValueTask<Paged<MemberListItem>> Handle(ListMembersQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var order = SortOrder.Parse(
            query.Sort,
            MemberRegister.SortColumns,
            MemberRegister.DefaultSort,
            MemberRegister.TieBreaker
        );
        var today = clock.Today();
        var (from, to, orgId) = await MemberRegister.RangeAsync(organizations, scope, query, cancellationToken);
        var page = await db.QueryPageAsync<MemberRow>(
            MemberRegister.CountSql,
            MemberRegister.PageSql,
            MemberRegister.FilterParameters(query, from, to, orgId, today),
            query.Page,
            order,
            cancellationToken
        );
        var names = await organizations.NamesAsync(
            page.Items.Select(m => m.OrgId).Distinct().ToList(),
            cancellationToken
        );
        return page.Map(m => new MemberListItem(
            m.Id,
            m.OrgId,
            names.GetValueOrDefault(m.OrgId, ""),
            m.Name,
            m.Gender,
            MemberRow.YearsBetween(m.BirthDate, m.LivedUntil(today)),
            m.IdNumberMasked,
            m.Education,
            m.Category,
            m.Stage,
            m.Status,
            m.JoinedOn,
            m.FullMemberOn,
            m.Version
        ));
    }
}
