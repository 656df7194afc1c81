using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Contracts;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.ListCommunityHours;

/// <summary>
/// 双报到: in-service members who report to a community where they live, with the hours they served there in a
/// year, for the yearly report to their own unit. Hours count sessions completed that year at activities of the
/// chosen community's subtree.
/// </summary>
internal sealed record ListCommunityHoursQuery(Guid? OrganizationId, int Year, PageRequest Page, string? Sort)
    : IQuery<Paged<CommunityHoursResponse>>;

internal sealed record CommunityHoursResponse(
    Guid MemberId,
    string MemberName,
    Guid MemberOrganizationId,
    string MemberOrganizationName,
    Guid CommunityOrganizationId,
    string CommunityName,
    DateOnly ReportedOn,
    DateOnly? EndedOn,
    int Sessions,
    decimal Hours
);

internal sealed class ListCommunityHoursValidator : AbstractValidator<ListCommunityHoursQuery>
{
    public ListCommunityHoursValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.Year).InclusiveBetween(2000, 2199);
        RuleFor(q => q.Sort)
            .Must(s => s is null || Sorts.ContainsKey(s))
            .WithMessage("memberName, -memberName, hours or -hours");
    }

    public static readonly IReadOnlyDictionary<string, bool> Sorts = new Dictionary<string, bool>
    {
        ["memberName"] = false,
        ["-memberName"] = true,
        ["hours"] = false,
        ["-hours"] = true,
    };
}

internal sealed class ListCommunityHoursHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    IMemberVolunteers members
) : IQueryHandler<ListCommunityHoursQuery, Paged<CommunityHoursResponse>>
{
    private const string HoursSql = """
        SELECT v.member_id, COUNT(*) AS sessions, SUM(s.credited_half_hours) AS half_hours
        FROM volunteers v JOIN volunteer_sessions s ON s.volunteer_id = v.id
        WHERE v.member_id {in:ids} AND s.state = 'Completed' AND s.service_day >= @since AND s.service_day <= @until
          AND s.org_path >= @from AND s.org_path < @to
        GROUP BY v.member_id
        """;

    public async ValueTask<Paged<CommunityHoursResponse>> Handle(
        ListCommunityHoursQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var range = scope;
        if (query.OrganizationId is { } organizationId)
        {
            var subtree =
                await organizations.SubtreeWithinAsync(organizationId, scope, cancellationToken)
                ?? throw VolunteeringErrors.OrganizationNotFound();
            range = new DataScope(subtree.PathFrom, subtree.PathTo);
        }
        var since = new DateOnly(query.Year, 1, 1);
        var until = new DateOnly(query.Year, 12, 31);
        var reports = await members.CommunityReportsAsync(range, since, until, cancellationToken);
        var hours = new Dictionary<Guid, HoursRow>();
        foreach (var chunk in reports.Select(r => r.MemberId).Distinct().Chunk(1000))
        {
            var rows = await db.QueryAsync<HoursRow>(
                HoursSql,
                new
                {
                    ids = chunk,
                    since,
                    until,
                    from = range.From,
                    to = range.To,
                },
                cancellationToken
            );
            foreach (var row in rows)
            {
                hours[row.MemberId] = row;
            }
        }
        var names = await organizations.NamesAsync(
            reports.SelectMany(r => new[] { r.MemberOrganizationId, r.CommunityOrganizationId }).Distinct().ToList(),
            cancellationToken
        );
        var items = reports.Select(r =>
        {
            var served = hours.GetValueOrDefault(r.MemberId);
            return new CommunityHoursResponse(
                r.MemberId,
                r.Name,
                r.MemberOrganizationId,
                names.GetValueOrDefault(r.MemberOrganizationId, ""),
                r.CommunityOrganizationId,
                names.GetValueOrDefault(r.CommunityOrganizationId, ""),
                r.ReportedOn,
                r.EndedOn,
                served?.Sessions ?? 0,
                ServiceHourRules.Hours(served?.HalfHours ?? 0)
            );
        });
        var sorted = (query.Sort ?? "-hours") switch
        {
            "memberName" => items.OrderBy(i => i.MemberName, StringComparer.Ordinal),
            "-memberName" => items.OrderByDescending(i => i.MemberName, StringComparer.Ordinal),
            "hours" => items.OrderBy(i => i.Hours),
            _ => items.OrderByDescending(i => i.Hours),
        };
        var all = sorted.ThenBy(i => i.MemberId).ToList();
        if (query.Page.WholeList)
        {
            Jiceng.Infrastructure.Http.ListExport.EnsureWithinLimit(all.Count);
        }
        var pageItems = all.Skip((query.Page.Page - 1) * query.Page.PageSize).Take(query.Page.PageSize).ToList();
        return new Paged<CommunityHoursResponse>(pageItems, all.Count, query.Page.Page, query.Page.PageSize);
    }

    private sealed record HoursRow
    {
        public Guid MemberId { get; init; }
        public int Sessions { get; init; }
        public int HalfHours { get; init; }
    }
}
