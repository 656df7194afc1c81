using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.AddRectificationNote;

internal sealed record AddRectificationNoteRequest(DateOnly? NotedOn, string Content);

/// <summary>Appends a progress note to an open rectification; notes are never edited.</summary>
internal sealed record AddRectificationNoteCommand(
    Guid OrganizationId,
    Guid RectificationId,
    AddRectificationNoteRequest Body
) : ICommand<RectificationResponse>;

internal sealed class AddRectificationNoteValidator : AbstractValidator<AddRectificationNoteCommand>
{
    public AddRectificationNoteValidator() => RuleFor(c => c.Body.Content).RequiredText().MaximumLength(1000);
}

internal sealed class AddRectificationNoteHandler(DbSession db, CurrentScope currentScope, TimeProvider clock)
    : ICommandHandler<AddRectificationNoteCommand, RectificationResponse>
{
    // The note changes what the rectification shows, so its version moves; only an open one accepts notes.
    private const string TouchOpenSql = """
        UPDATE rectifications SET updated_at = @now, version = version + 1
        WHERE id = @rectificationId AND org_id = @orgId AND status = 'Open'
        """;

    private const string InsertNoteSql = """
        INSERT INTO rectification_notes (id, rectification_id, org_id, noted_on, content, created_at)
        VALUES (@id, @rectificationId, @orgId, @notedOn, @content, @now)
        """;

    public async ValueTask<RectificationResponse> Handle(
        AddRectificationNoteCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        await OrganizationTree.FindAsync(db, scope, command.OrganizationId, cancellationToken);
        var today = clock.Today();
        var now = clock.GetUtcNow();
        var touched = await db.ExecuteAsync(
            TouchOpenSql,
            new
            {
                rectificationId = command.RectificationId,
                orgId = command.OrganizationId,
                now,
            },
            cancellationToken
        );
        if (touched == 0)
        {
            await Rectifications.LoadAsync(
                db,
                command.OrganizationId,
                command.RectificationId,
                today,
                cancellationToken
            );
            throw OrganizationErrors.RectificationClosed();
        }
        await db.ExecuteAsync(
            InsertNoteSql,
            new
            {
                id = Guid.CreateVersion7(),
                rectificationId = command.RectificationId,
                orgId = command.OrganizationId,
                notedOn = command.Body.NotedOn ?? today,
                content = command.Body.Content,
                now,
            },
            cancellationToken
        );
        return await Rectifications.LoadAsync(
            db,
            command.OrganizationId,
            command.RectificationId,
            today,
            cancellationToken
        );
    }
}
