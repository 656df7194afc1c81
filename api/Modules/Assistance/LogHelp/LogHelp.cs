using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.LogHelp;

internal sealed record LogHelpRequest(DateOnly? HelpedOn, string? What);

/// <summary>
/// Logs help given within a pair (the day, what was done); the pair's last help and count move with it in one
/// conditional UPDATE guarded by the version read. Requires If-Match (the pair's).
/// </summary>
internal sealed record LogHelpCommand(Guid PairingId, long ExpectedVersion, LogHelpRequest Body)
    : ICommand<HelperPairResponse>;

internal sealed class LogHelpValidator : AbstractValidator<LogHelpCommand>
{
    public LogHelpValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.HelpedOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("帮扶日期不能晚于今天。", "Help cannot be dated after today."));
        RuleFor(c => c.Body.What).RequiredText().MaximumLength(500);
    }
}

internal sealed class LogHelpHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    AssistanceRuleSets rules,
    TimeProvider clock
) : ICommandHandler<LogHelpCommand, HelperPairResponse>
{
    private const string AdvanceSql = """
        UPDATE assistance_pairings SET
            last_help_on = CASE WHEN last_help_on IS NULL OR last_help_on < @helpedOn THEN @helpedOn
                ELSE last_help_on END,
            help_count = help_count + 1, updated_at = @now, version = version + 1
        WHERE id = @id AND version = @expectedVersion AND ended_on IS NULL AND org_path >= @from AND org_path < @to
        """;

    private const string InsertSql = """
        INSERT INTO assistance_help_logs (id, org_id, org_path, region_root_id, pairing_id, helped_member_id, helped_on,
            what, recorded_by_name, created_at)
        VALUES (@logId, @orgId, @orgPath, @regionRootId, @id, @helpedMemberId, @helpedOn, @what, @recordedBy, @now)
        """;

    public async ValueTask<HelperPairResponse> Handle(LogHelpCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var found = new
        {
            id = command.PairingId,
            from = scope.From,
            to = scope.To,
        };
        var pairing =
            await db.QuerySingleOrDefaultAsync<HelperPairRow>(HelperPairs.FindSql, found, cancellationToken)
            ?? throw new NotFoundException("Pairing");
        if (pairing.Version != command.ExpectedVersion)
        {
            throw new PreconditionFailedException();
        }
        if (pairing.EndedOn is not null)
        {
            throw AssistanceErrors.PairingEnded();
        }
        var helpedOn = command.Body.HelpedOn!.Value;
        if (helpedOn < pairing.StartedOn)
        {
            throw AssistanceErrors.HelpBeforePairing(pairing.StartedOn);
        }
        var now = clock.GetUtcNow();
        var parameters = new
        {
            found.id,
            found.from,
            found.to,
            expectedVersion = command.ExpectedVersion,
            helpedOn,
            now,
            logId = Guid.CreateVersion7(),
            orgId = pairing.OrgId,
            orgPath = pairing.OrgPath,
            regionRootId = pairing.RegionRootId,
            helpedMemberId = pairing.HelpedMemberId,
            what = command.Body.What!.Trim(),
            recordedBy = callers.Current.ShownName,
        };
        if (await db.ExecuteAsync(AdvanceSql, parameters, cancellationToken) == 0)
        {
            throw new PreconditionFailedException();
        }
        await db.ExecuteAsync(InsertSql, parameters, cancellationToken);
        var region = await rules.ForRegionAsync(pairing.RegionRootId, cancellationToken);
        var row = (await db.QuerySingleOrDefaultAsync<HelperPairRow>(HelperPairs.FindSql, found, cancellationToken))!;
        return row.ToResponse(clock.Today(), region.StalePairingMonths.Value);
    }
}
