using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.EndHelperPair;

internal sealed record EndHelperPairRequest(DateOnly? EndedOn);

/// <summary>Ends a pair (the hardship ended, the helper moved); it stays as history. Requires If-Match.</summary>
internal sealed record EndHelperPairCommand(Guid PairingId, long ExpectedVersion, EndHelperPairRequest Body)
    : ICommand<HelperPairResponse>;

internal sealed class EndHelperPairValidator : AbstractValidator<EndHelperPairCommand>
{
    public EndHelperPairValidator(TimeProvider clock) =>
        RuleFor(c => c.Body.EndedOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("结束日期不能晚于今天。", "The end cannot be after today."));
}

internal sealed class EndHelperPairHandler(
    DbSession db,
    CurrentScope currentScope,
    AssistanceRuleSets rules,
    TimeProvider clock
) : ICommandHandler<EndHelperPairCommand, HelperPairResponse>
{
    private const string EndSql = """
        UPDATE assistance_pairings SET ended_on = @endedOn, updated_at = @now, version = version + 1
        WHERE id = @id AND version = @expectedVersion AND ended_on IS NULL AND started_on <= @endedOn
          AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<HelperPairResponse> Handle(EndHelperPairCommand command, CancellationToken cancellationToken)
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
        var endedOn = command.Body.EndedOn!.Value;
        if (endedOn < pairing.StartedOn)
        {
            throw AssistanceErrors.PairingEndsBeforeStart(pairing.StartedOn);
        }
        var ended = await db.ExecuteAsync(
            EndSql,
            new
            {
                found.id,
                found.from,
                found.to,
                expectedVersion = command.ExpectedVersion,
                endedOn,
                now = clock.GetUtcNow(),
            },
            cancellationToken
        );
        if (ended == 0)
        {
            throw new PreconditionFailedException();
        }
        var region = await rules.ForRegionAsync(pairing.RegionRootId, cancellationToken);
        var row = (await db.QuerySingleOrDefaultAsync<HelperPairRow>(HelperPairs.FindSql, found, cancellationToken))!;
        return row.ToResponse(clock.Today(), region.StalePairingMonths.Value);
    }
}
