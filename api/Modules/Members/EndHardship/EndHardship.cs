using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;

namespace Jiceng.Modules.Members.EndHardship;

internal sealed record EndHardshipRequest(DateOnly? Until);

/// <summary>Ends a hardship entry on a day (the entry stays as history). Requires If-Match.</summary>
internal sealed record EndHardshipCommand(Guid MemberId, Guid HardshipId, long ExpectedVersion, EndHardshipRequest Body)
    : ICommand<HardshipResponse>;

internal sealed class EndHardshipValidator : AbstractValidator<EndHardshipCommand>
{
    public EndHardshipValidator() => RuleFor(c => c.Body.Until).NotNull();
}

internal sealed class EndHardshipHandler(DbSession db, CurrentScope currentScope, TimeProvider clock)
    : ICommandHandler<EndHardshipCommand, HardshipResponse>
{
    private const string EndSql = """
        UPDATE member_hardships SET until = @until, updated_at = @now, version = version + 1
        WHERE id = @id AND member_id = @memberId AND version = @expectedVersion AND since <= @until AND (until IS NULL
            OR until >= @today)
        """;

    private const string FindSql =
        "SELECT " + Hardships.Columns + " FROM member_hardships WHERE id = @id AND member_id = @memberId";

    public async ValueTask<HardshipResponse> Handle(EndHardshipCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var member = await MemberRecords.FindAsync(db, scope, command.MemberId, cancellationToken);
        var current =
            await db.QuerySingleOrDefaultAsync<HardshipRow>(
                FindSql,
                new { id = command.HardshipId, memberId = member.Id },
                cancellationToken
            ) ?? throw new NotFoundException("Hardship");
        var today = clock.Today();
        // If-Match first: a stale copy is 412 even when what changed was the entry's end.
        if (current.Version != command.ExpectedVersion)
        {
            throw new PreconditionFailedException();
        }
        if (current.Until < today)
        {
            throw MemberErrors.HardshipEnded();
        }
        if (command.Body.Until < current.Since)
        {
            throw MemberErrors.HardshipEndsBeforeStart();
        }
        if (
            await db.ExecuteAsync(
                EndSql,
                new
                {
                    id = current.Id,
                    memberId = member.Id,
                    expectedVersion = command.ExpectedVersion,
                    until = command.Body.Until,
                    today,
                    now = clock.GetUtcNow(),
                },
                cancellationToken
            ) == 0
        )
        {
            throw new PreconditionFailedException();
        }
        var row = await db.QuerySingleOrDefaultAsync<HardshipRow>(
            FindSql,
            new { id = current.Id, memberId = member.Id },
            cancellationToken
        );
        return row!.ToResponse(today);
    }
}
