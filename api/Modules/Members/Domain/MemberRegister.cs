using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Members.Domain;

/// <summary>
/// The register's filters, bound once from the query string (<c>[AsParameters]</c>) by the list, its export and
/// the benchmark's bare twin, so the three cannot drift apart. Null means "any" (descendants included by default).
/// </summary>
internal record MemberFilter(
    [FromQuery(Name = "q")] string? Q = null,
    [FromQuery(Name = "organizationId")] Guid? OrganizationId = null,
    [FromQuery(Name = "includeDescendants")] bool? IncludeDescendants = null,
    [FromQuery(Name = "category")] MemberCategory? Category = null,
    [FromQuery(Name = "stage")] MemberStage? Stage = null,
    [FromQuery(Name = "status")] MemberStatus? Status = null,
    [FromQuery(Name = "ageFrom")] int? AgeFrom = null,
    [FromQuery(Name = "ageTo")] int? AgeTo = null,
    [FromQuery(Name = "joinYear")] int? JoinYear = null,
    [FromQuery(Name = "inHardship")] bool? InHardship = null
);

internal sealed class MemberFilterValidator : AbstractValidator<MemberFilter>
{
    public MemberFilterValidator()
    {
        RuleFor(q => q.Q).MaximumLength(50);
        RuleFor(q => q.Category).IsInEnum();
        RuleFor(q => q.Stage).IsInEnum();
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.AgeFrom).InclusiveBetween(0, 150);
        RuleFor(q => q.AgeTo).InclusiveBetween(0, 150).GreaterThanOrEqualTo(q => q.AgeFrom ?? 0);
        RuleFor(q => q.JoinYear).InclusiveBetween(1921, 9998);
    }
}

/// <summary>The register's one query (its filter, sort keys and statements), for the list and its export.</summary>
internal static class MemberRegister
{
    public static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["name"] = "name {collate-zh}",
        ["birthDate"] = "birth_date",
        ["joinedOn"] = "joined_on",
        ["stage"] = "stage",
        ["category"] = "category",
        ["createdAt"] = "created_at",
        ["tree"] = "org_path",
    };

    public const string DefaultSort = "tree,name";

    public const string TieBreaker = "id";

    private const string Filter = """
        FROM members
        WHERE org_path >= @from AND org_path < @to
          AND (@orgId IS NULL OR org_id = @orgId)
          AND (@pattern IS NULL OR name LIKE @pattern ESCAPE '\')
          AND (@category IS NULL OR category = @category)
          AND (@stage IS NULL OR stage = @stage)
          AND (@status IS NULL OR status = @status)
          AND (@bornAfter IS NULL OR birth_date > @bornAfter)
          AND (@bornOnOrBefore IS NULL OR birth_date <= @bornOnOrBefore)
          AND (@joinedFrom IS NULL OR (joined_on >= @joinedFrom AND joined_on < @joinedTo))
          AND (@inHardship = 0 OR EXISTS (
                SELECT 1 FROM member_hardships h
                WHERE h.member_id = members.id AND h.since <= @today AND (h.until IS NULL OR h.until >= @today)))
        """;

    public const string CountSql = "SELECT COUNT(*) " + Filter;

    public const string PageSql = "SELECT " + MemberRecords.Columns + "\n" + Filter + "\nORDER BY {orderBy}\n{page}";

    /// <summary>The parameters of <see cref="CountSql"/> and <see cref="PageSql"/>.</summary>
    public static object FilterParameters(MemberFilter filter, string from, string to, Guid? orgId, DateOnly today) =>
        new
        {
            from,
            to,
            orgId,
            pattern = LikePattern.Contains(filter.Q),
            category = filter.Category?.ToString(),
            stage = filter.Stage?.ToString(),
            status = filter.Status?.ToString(),
            // Aged at least N today: born on or before today N years ago; at most M: born after today M+1 years ago.
            bornOnOrBefore = filter.AgeFrom is { } ageFrom ? today.AddYears(-ageFrom) : (DateOnly?)null,
            bornAfter = filter.AgeTo is { } ageTo ? today.AddYears(-ageTo - 1) : (DateOnly?)null,
            joinedFrom = filter.JoinYear is { } year ? new DateOnly(year, 1, 1) : (DateOnly?)null,
            joinedTo = filter.JoinYear is { } next ? new DateOnly(next + 1, 1, 1) : (DateOnly?)null,
            inHardship = filter.InHardship == true ? 1 : 0,
            today,
        };

    /// <summary>The caller's scope, narrowed to an organization's subtree (or the organization alone).</summary>
    public static async Task<(string From, string To, Guid? OrgId)> RangeAsync(
        IOrganizationDirectory organizations,
        DataScope scope,
        MemberFilter filter,
        CancellationToken cancellationToken
    )
    {
        var (from, to) = await MemberRecords.RangeAsync(organizations, scope, filter.OrganizationId, cancellationToken);
        return (from, to, (filter.IncludeDescendants ?? true) ? null : filter.OrganizationId);
    }
}
