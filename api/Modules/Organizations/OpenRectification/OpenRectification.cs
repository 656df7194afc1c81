using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.OpenRectification;

/// <summary>Flags an organization as weak and lax (软弱涣散) with a
/// rectification plan, a responsible leader and a due date.</summary>
internal sealed record OpenRectificationCommand(Guid OrganizationId, RectificationFields Body)
    : ICommand<RectificationResponse>;

internal sealed class OpenRectificationValidator : AbstractValidator<OpenRectificationCommand>
{
    public OpenRectificationValidator() => RuleFor(c => c.Body).SetValidator(new RectificationFieldsValidator());
}

internal sealed class OpenRectificationHandler(DbSession db, CurrentScope currentScope, TimeProvider clock)
    : ICommandHandler<OpenRectificationCommand, RectificationResponse>
{
    private const string InsertSql = """
        INSERT INTO rectifications (id, org_id, region_root_id, reasons, plan_text, responsible_person, flagged_on,
            due_on, status,
                                    closed_on, closure_note, created_at, updated_at, version)
        VALUES (@id, @orgId, @regionRootId, @reasons, @plan, @responsiblePerson, @flaggedOn, @dueOn, 'Open', NULL, NULL,
            @now, @now, 1)
        """;

    public async ValueTask<RectificationResponse> Handle(
        OpenRectificationCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var organization = await OrganizationTree.FindActiveAsync(db, scope, command.OrganizationId, cancellationToken);
        var request = command.Body;
        var id = Guid.CreateVersion7();
        var today = clock.Today();
        await db.ExecuteAsync(
            InsertSql,
            new
            {
                id,
                orgId = organization.Id,
                regionRootId = organization.RegionRootId,
                reasons = Rectifications.ReasonsJson(request.Reasons),
                plan = request.Plan,
                responsiblePerson = request.ResponsiblePerson.Trim(),
                flaggedOn = request.FlaggedOn ?? today,
                dueOn = request.DueOn!.Value,
                now = clock.GetUtcNow(),
            },
            cancellationToken
        );
        return await Rectifications.LoadAsync(db, organization.Id, id, today, cancellationToken);
    }
}
