using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Contracts;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Members.RecordDeath;

internal sealed record RecordDeathRequest(DateOnly? DiedOn);

/// <summary>
/// A member's death: the record stays (history, the audit log) but leaves the active register and every list
/// drawn from it (光荣在党50年 is for the living); an open hardship entry and a current 双报到 end that day.
/// Requires If-Match; refused while a valid transfer letter is pending (its receipt would move the record).
/// </summary>
internal sealed record RecordDeathCommand(Guid Id, long ExpectedVersion, RecordDeathRequest Body)
    : ICommand<MemberResponse>;

internal sealed class RecordDeathValidator : AbstractValidator<RecordDeathCommand>
{
    public RecordDeathValidator(TimeProvider clock) =>
        RuleFor(c => c.Body.DiedOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("去世日期不能晚于今天。", "The date of death cannot be after today."));
}

internal sealed class RecordDeathHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    MemberRuleSets rules,
    IEnumerable<IMemberDeathListener> deathListeners,
    TimeProvider clock
) : ICommandHandler<RecordDeathCommand, MemberResponse>
{
    private const string OpenLetterSql = "SELECT CASE WHEN " + Transfers.OpenLetterExists + " THEN 1 ELSE 0 END";

    // One statement: the version read, still on the register, no valid letter pending (a letter written meanwhile
    // makes it 0 rows). An expired letter holds nothing: its receipt would be refused, so it cannot move the record.
    private const string RecordSql =
        """
            UPDATE members SET status = 'Deceased', died_on = @diedOn, updated_at = @now, version = version + 1
            WHERE id = @id AND version = @expectedVersion AND status = 'Active' AND org_path >= @from AND org_path < @to
              AND NOT
            """
        + " "
        + Transfers.OpenLetterExists;

    // An entry or report dated after a death recorded late ends on its own first day rather than before it began.
    private const string EndHardshipSql = """
        UPDATE member_hardships SET until = CASE WHEN since > @diedOn THEN since ELSE @diedOn END, updated_at = @now,
            version = version + 1
        WHERE member_id = @id AND (until IS NULL OR until > @diedOn)
        """;

    private const string EndCommunityReportSql = """
        UPDATE member_community_reports SET ended_on = CASE WHEN reported_on > @diedOn THEN reported_on ELSE @diedOn END
        WHERE member_id = @id AND ended_on IS NULL
        """;

    public async ValueTask<MemberResponse> Handle(RecordDeathCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var member = await MemberRecords.FindAsync(db, scope, command.Id, cancellationToken);
        var diedOn = command.Body.DiedOn!.Value;
        // If-Match first: a stale copy is 412 even when what changed was the member's status or a transfer letter.
        if (member.Version != command.ExpectedVersion)
        {
            throw new PreconditionFailedException();
        }
        if (member.Status != MemberStatus.Active)
        {
            throw MemberErrors.NotActive(member.Status);
        }
        if (diedOn < member.BirthDate)
        {
            throw MemberErrors.DiedBeforeBirth();
        }
        var parameters = new
        {
            id = member.Id,
            memberId = member.Id,
            today = clock.Today(),
            expectedVersion = command.ExpectedVersion,
            diedOn,
            from = scope.From,
            to = scope.To,
            now = clock.GetUtcNow(),
        };
        if (await db.ExecuteAsync(RecordSql, parameters, cancellationToken) == 0)
        {
            var reread = await MemberRecords.FindAsync(db, scope, member.Id, cancellationToken);
            if (
                reread.Version == command.ExpectedVersion
                && await db.ExecuteScalarAsync<long>(OpenLetterSql, parameters, cancellationToken) > 0
            )
            {
                throw MemberErrors.TransferPending();
            }
            throw new PreconditionFailedException();
        }
        await db.ExecuteAsync(EndHardshipSql, parameters, cancellationToken);
        await db.ExecuteAsync(EndCommunityReportSql, parameters, cancellationToken);
        // In this transaction: a listener that refuses (the care fund's condolence proposal) undoes the recording.
        var death = new MemberDeath(member.Id, member.Name, member.OrgId, member.OrgPath, diedOn);
        foreach (var listener in deathListeners)
        {
            await listener.OnMemberDiedAsync(death, cancellationToken);
        }
        return await MemberRecords.RespondAsync(
            await MemberRecords.FindAsync(db, scope, member.Id, cancellationToken),
            organizations,
            rules,
            clock.Today(),
            cancellationToken
        );
    }
}
