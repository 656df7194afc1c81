using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.AddVisitee;

internal sealed record AddVisiteeRequest(string? Name, string? Relation);

/// <summary>
/// Adds a family of a martyr (烈士家属) to a visit list by name and relation: Members does not record martyrs or their
/// families, so the branch enters them as it knows them.
/// </summary>
internal sealed record AddVisiteeCommand(Guid ListId, AddVisiteeRequest Body) : ICommand<VisitResponse>;

internal sealed class AddVisiteeValidator : AbstractValidator<AddVisiteeCommand>
{
    public AddVisiteeValidator()
    {
        RuleFor(c => c.Body.Name).RequiredText().MaximumLength(100);
        RuleFor(c => c.Body.Relation).RequiredText().MaximumLength(100);
    }
}

internal sealed class AddVisiteeHandler(DbSession db, CurrentScope currentScope, TimeProvider clock)
    : ICommandHandler<AddVisiteeCommand, VisitResponse>
{
    private const string ListSql = """
        SELECT id, org_id, org_path, region_root_id FROM assistance_visit_lists
        WHERE id = @listId AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<VisitResponse> Handle(AddVisiteeCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var list =
            await db.QuerySingleOrDefaultAsync<ListRow>(
                ListSql,
                new
                {
                    listId = command.ListId,
                    from = scope.From,
                    to = scope.To,
                },
                cancellationToken
            ) ?? throw new NotFoundException("VisitList");
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(
            Visits.InsertSql,
            new
            {
                id,
                orgId = list.OrgId,
                orgPath = list.OrgPath,
                regionRootId = list.RegionRootId,
                listId = list.Id,
                memberId = (Guid?)null,
                name = command.Body.Name!.Trim(),
                relation = command.Body.Relation!.Trim(),
                reasons = (int)VisitReason.MartyrFamily,
                age = (int?)null,
                standingYears = (int?)null,
                hardshipCategory = (string?)null,
                now = clock.GetUtcNow(),
            },
            cancellationToken
        );
        var row = (
            await db.QuerySingleOrDefaultAsync<VisitRow>(
                Visits.FindSql,
                new
                {
                    id,
                    from = scope.From,
                    to = scope.To,
                },
                cancellationToken
            )
        )!;
        return row.ToResponse(clock.Today());
    }

    private sealed record ListRow
    {
        public Guid Id { get; init; }
        public Guid OrgId { get; init; }
        public string OrgPath { get; init; } = "";
        public Guid RegionRootId { get; init; }
    }
}
