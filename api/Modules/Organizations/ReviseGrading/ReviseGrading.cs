using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.ReviseGrading;

internal sealed record ReviseGradingRequest(string Level, int? Score, string? Comment, DateOnly? GradedOn);

internal sealed record ReviseGradingCommand(
    Guid OrganizationId,
    int Year,
    long ExpectedVersion,
    ReviseGradingRequest Body
) : ICommand<GradingResponse>;

internal sealed class ReviseGradingValidator : AbstractValidator<ReviseGradingCommand>
{
    public ReviseGradingValidator()
    {
        RuleFor(c => c.Year).InclusiveBetween(1921, 2200);
        RuleFor(c => c.Body.Level).RequiredText().MaximumLength(30).Field("level");
        RuleFor(c => c.Body.Score).InclusiveBetween(0, 1000).Field("score");
        RuleFor(c => c.Body.Comment).MaximumLength(500).Field("comment");
    }
}

internal sealed class ReviseGradingHandler(
    DbSession db,
    CurrentScope currentScope,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<ReviseGradingCommand, GradingResponse>
{
    private const string UpdateSql = """
        UPDATE gradings
        SET level = @level, level_rank = @levelRank, is_lagging = @isLagging, score = @score, comment = @comment,
            graded_on = @gradedOn, updated_at = @now, version = version + 1
        WHERE org_id = @orgId AND year = @year AND version = @expectedVersion
        """;

    public async ValueTask<GradingResponse> Handle(ReviseGradingCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var organization = await OrganizationTree.FindActiveAsync(db, scope, command.OrganizationId, cancellationToken);
        var rules = await RegionRules.ForRegionAsync(db, organization.RegionRootId, cancellationToken);
        var level = GradingRules.Check(rules, command.Body.Level, command.Body.Score);
        audit.SetBefore(
            await db.QuerySingleOrDefaultAsync<GradingRow>(
                GradingRules.FindSql,
                new { orgId = organization.Id, year = command.Year },
                cancellationToken
            )
        );
        var updated = await db.ExecuteAsync(
            UpdateSql,
            new
            {
                orgId = organization.Id,
                year = command.Year,
                expectedVersion = command.ExpectedVersion,
                level = level.Code,
                levelRank = level.Rank,
                isLagging = rules.IsLagging(level.Code),
                score = command.Body.Score,
                comment = command.Body.Comment,
                gradedOn = command.Body.GradedOn ?? clock.Today(),
                now = clock.GetUtcNow(),
            },
            cancellationToken
        );
        var row =
            await db.QuerySingleOrDefaultAsync<GradingRow>(
                GradingRules.FindSql,
                new { orgId = organization.Id, year = command.Year },
                cancellationToken
            ) ?? throw new NotFoundException("Grading");
        return updated == 1 ? row.ToResponse(rules) : throw new PreconditionFailedException();
    }
}
