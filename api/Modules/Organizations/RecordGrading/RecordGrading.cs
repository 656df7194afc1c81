using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.RecordGrading;

internal sealed record RecordGradingRequest(int Year, string Level, int? Score, string? Comment, DateOnly? GradedOn);

/// <summary>分类定级: one level per organization per year; a second grading of the same year is a 409.</summary>
internal sealed record RecordGradingCommand(Guid OrganizationId, RecordGradingRequest Body) : ICommand<GradingResponse>;

internal sealed class RecordGradingValidator : AbstractValidator<RecordGradingCommand>
{
    public RecordGradingValidator()
    {
        RuleFor(c => c.Body.Year).InclusiveBetween(1921, 2200).Field("year");
        RuleFor(c => c.Body.Level).RequiredText().MaximumLength(30).Field("level");
        RuleFor(c => c.Body.Score).InclusiveBetween(0, 1000).Field("score");
        RuleFor(c => c.Body.Comment).MaximumLength(500).Field("comment");
    }
}

internal sealed class RecordGradingHandler(DbSession db, CurrentScope currentScope, TimeProvider clock)
    : ICommandHandler<RecordGradingCommand, GradingResponse>
{
    private const string InsertSql = """
        INSERT INTO gradings (id, org_id, region_root_id, year, level, level_rank, is_lagging, score, comment,
            graded_on, created_at, updated_at, version)
        SELECT @id, @orgId, @regionRootId, @year, @level, @levelRank, @isLagging, @score, @comment, @gradedOn, @now,
            @now, 1
        WHERE NOT EXISTS (SELECT 1 FROM gradings WHERE org_id = @orgId AND year = @year)
        """;

    public async ValueTask<GradingResponse> Handle(RecordGradingCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var organization = await OrganizationTree.FindActiveAsync(db, scope, command.OrganizationId, cancellationToken);
        var rules = await RegionRules.ForRegionAsync(db, organization.RegionRootId, cancellationToken);
        var grading = command.Body;
        var level = GradingRules.Check(rules, grading.Level, grading.Score);
        // A unique-index violation is a grading recorded for that year in the same instant: the same refusal.
        var inserted = await db.ExecuteOrConflictAsync(
            InsertSql,
            new
            {
                id = Guid.CreateVersion7(),
                orgId = organization.Id,
                regionRootId = organization.RegionRootId,
                year = grading.Year,
                level = level.Code,
                levelRank = level.Rank,
                isLagging = rules.IsLagging(level.Code),
                score = grading.Score,
                comment = grading.Comment,
                gradedOn = grading.GradedOn ?? clock.Today(),
                now = clock.GetUtcNow(),
            },
            () => OrganizationErrors.GradingExists(grading.Year),
            cancellationToken
        );
        if (inserted == 0)
        {
            throw OrganizationErrors.GradingExists(grading.Year);
        }
        var row = await db.QuerySingleOrDefaultAsync<GradingRow>(
            GradingRules.FindSql,
            new { orgId = organization.Id, year = grading.Year },
            cancellationToken
        );
        return row!.ToResponse(rules);
    }
}
