using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Members.ListMeetings;

internal sealed record ListMeetingsQuery(Guid OrganizationId, PageRequest Page, string? Sort = null)
    : IQuery<Paged<MeetingResponse>>;

internal sealed class ListMeetingsValidator : AbstractValidator<ListMeetingsQuery>
{
    public ListMeetingsValidator() => this.AddPagingRules(q => q.Page);
}

internal sealed class ListMeetingsHandler(DbSession db, CurrentScope currentScope, IOrganizationDirectory organizations)
    : IQueryHandler<ListMeetingsQuery, Paged<MeetingResponse>>
{
    private const string CountSql = "SELECT COUNT(*) FROM org_meetings WHERE org_id = @orgId";

    private const string PageSql = """
        SELECT id, org_id AS organization_id, kind, held_on, topic, attendee_count
        FROM org_meetings WHERE org_id = @orgId
        ORDER BY {orderBy}
        {page}
        """;

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["heldOn"] = "held_on",
        ["kind"] = "kind",
        ["attendeeCount"] = "attendee_count",
    };

    public async ValueTask<Paged<MeetingResponse>> Handle(ListMeetingsQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        if (!await organizations.ContainsAsync(query.OrganizationId, scope, cancellationToken))
        {
            throw new NotFoundException("Organization");
        }
        var page = await db.QueryPageAsync<MeetingRow>(
            CountSql,
            PageSql,
            new { orgId = query.OrganizationId },
            query.Page,
            SortOrder.Parse(query.Sort, SortColumns, "-heldOn", "id"),
            cancellationToken
        );
        return page.Map(m => new MeetingResponse(m.Id, m.OrganizationId, m.Kind, m.HeldOn, m.Topic, m.AttendeeCount));
    }

    private sealed record MeetingRow
    {
        public Guid Id { get; init; }
        public Guid OrganizationId { get; init; }
        public MeetingKind Kind { get; init; }
        public DateOnly HeldOn { get; init; }
        public string? Topic { get; init; }
        public int AttendeeCount { get; init; }
    }
}
