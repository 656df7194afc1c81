using FluentValidation;
using FluentValidation.Results;
using Jiceng.Infrastructure;

namespace Jiceng.Modules.Organizations.Domain;

/// <summary>One year's grading of an organization, with its level resolved against the region's rule set.</summary>
internal sealed record GradingResponse(
    Guid Id,
    Guid OrganizationId,
    int Year,
    string Level,
    string LevelName,
    int Rank,
    bool Lagging,
    int? Score,
    int? Stars,
    string? Comment,
    DateOnly GradedOn,
    long Version
);

internal sealed record GradingRow
{
    public Guid Id { get; init; }
    public Guid OrgId { get; init; }
    public int Year { get; init; }
    public string Level { get; init; } = "";
    public int LevelRank { get; init; }
    public bool IsLagging { get; init; }
    public int? Score { get; init; }
    public string? Comment { get; init; }
    public DateOnly GradedOn { get; init; }
    public long Version { get; init; }

    public GradingResponse ToResponse(OrganizationRuleSet rules) =>
        new(
            Id,
            OrgId,
            Year,
            Level,
            rules.Level(Level)?.Name ?? Level,
            LevelRank,
            IsLagging,
            Score,
            rules.StarsFor(Score),
            Comment,
            GradedOn,
            Version
        );
}

internal static class GradingRules
{
    public const string FindSql = """
        SELECT id, org_id, year, level, level_rank, is_lagging, score, comment, graded_on, version
        FROM gradings WHERE org_id = @orgId AND year = @year
        """;

    /// <summary>The level must belong to the region's set and the
    /// score fit its scale: a 400 on that field otherwise.</summary>
    public static GradingLevel Check(OrganizationRuleSet rules, string level, int? score)
    {
        var failures = new List<ValidationFailure>();
        var found = rules.Level(level);
        if (found is null)
        {
            var allowed = string.Join(
                "、",
                rules.GradingLevels.Levels.OrderBy(l => l.Rank).Select(l => $"{l.Code}（{l.Name}）")
            );
            failures.Add(
                new ValidationFailure(
                    "level",
                    Localized.Text(
                        $"等次须为本地区规则集中的一项：{allowed}。",
                        $"The level must be one of this region's levels: {allowed}."
                    )
                )
            );
        }
        if (score > rules.StarRating.MaxScore)
        {
            failures.Add(
                new ValidationFailure(
                    "score",
                    Localized.Text(
                        $"得分不能超过满分 {rules.StarRating.MaxScore}。",
                        $"The score cannot exceed the maximum of {rules.StarRating.MaxScore}."
                    )
                )
            );
        }
        return failures.Count > 0 ? throw new ValidationException(failures) : found!;
    }
}
