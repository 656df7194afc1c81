using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.CloseRectification;

internal sealed record CloseRectificationRequest(DateOnly? ClosedOn, string ClosureNote);

/// <summary>销号: closes a rectification with the date and a note on what was achieved.</summary>
internal sealed record CloseRectificationCommand(
    Guid OrganizationId,
    Guid RectificationId,
    long ExpectedVersion,
    CloseRectificationRequest Body
) : ICommand<RectificationResponse>;

internal sealed class CloseRectificationValidator : AbstractValidator<CloseRectificationCommand>
{
    public CloseRectificationValidator() => RuleFor(c => c.Body.ClosureNote).RequiredText().MaximumLength(1000);
}

internal sealed class CloseRectificationHandler(DbSession db, CurrentScope currentScope, TimeProvider clock)
    : ICommandHandler<CloseRectificationCommand, RectificationResponse>
{
    private const string CloseSql = """
        UPDATE rectifications
        SET status = 'Closed', closed_on = @closedOn, closure_note = @closureNote, updated_at = @now,
            version = version + 1
        WHERE id = @rectificationId AND org_id = @orgId AND version = @expectedVersion AND status = 'Open'
        """;

    public async ValueTask<RectificationResponse> Handle(
        CloseRectificationCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        await OrganizationTree.FindAsync(db, scope, command.OrganizationId, cancellationToken);
        var today = clock.Today();
        var closed = await db.ExecuteAsync(
            CloseSql,
            new
            {
                rectificationId = command.RectificationId,
                orgId = command.OrganizationId,
                expectedVersion = command.ExpectedVersion,
                closedOn = command.Body.ClosedOn ?? today,
                closureNote = command.Body.ClosureNote,
                now = clock.GetUtcNow(),
            },
            cancellationToken
        );
        if (closed == 0)
        {
            throw await Rectifications.ExplainRefusalAsync(
                db,
                command.OrganizationId,
                command.RectificationId,
                command.ExpectedVersion,
                today,
                cancellationToken
            );
        }
        return await Rectifications.LoadAsync(
            db,
            command.OrganizationId,
            command.RectificationId,
            today,
            cancellationToken
        );
    }
}
