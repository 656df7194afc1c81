using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.UpdateRectification;

internal sealed record UpdateRectificationCommand(
    Guid OrganizationId,
    Guid Id,
    long ExpectedVersion,
    RectificationFields Body
) : ICommand<RectificationResponse>;

internal sealed class UpdateRectificationValidator : AbstractValidator<UpdateRectificationCommand>
{
    public UpdateRectificationValidator() => RuleFor(c => c.Body).SetValidator(new RectificationFieldsValidator());
}

internal sealed class UpdateRectificationHandler(
    DbSession db,
    CurrentScope currentScope,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<UpdateRectificationCommand, RectificationResponse>
{
    private const string UpdateSql = """
        UPDATE rectifications
        SET reasons = @reasons, plan_text = @plan, responsible_person = @responsiblePerson, flagged_on = @flaggedOn,
            due_on = @dueOn,
            updated_at = @now, version = version + 1
        WHERE id = @id AND org_id = @orgId AND version = @expectedVersion AND status = 'Open'
        """;

    public async ValueTask<RectificationResponse> Handle(
        UpdateRectificationCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        await OrganizationTree.FindAsync(db, scope, command.OrganizationId, cancellationToken);
        var today = clock.Today();
        var current = await Rectifications.LoadAsync(db, command.OrganizationId, command.Id, today, cancellationToken);
        audit.SetBefore(current);
        var body = command.Body;
        var updated = await db.ExecuteAsync(
            UpdateSql,
            new
            {
                id = command.Id,
                orgId = command.OrganizationId,
                expectedVersion = command.ExpectedVersion,
                reasons = Rectifications.ReasonsJson(body.Reasons),
                plan = body.Plan,
                responsiblePerson = body.ResponsiblePerson.Trim(),
                flaggedOn = body.FlaggedOn ?? current.FlaggedOn,
                dueOn = body.DueOn!.Value,
                now = clock.GetUtcNow(),
            },
            cancellationToken
        );
        if (updated == 0)
        {
            throw await Rectifications.ExplainRefusalAsync(
                db,
                command.OrganizationId,
                command.Id,
                command.ExpectedVersion,
                today,
                cancellationToken
            );
        }
        return await Rectifications.LoadAsync(db, command.OrganizationId, command.Id, today, cancellationToken);
    }
}
