using FluentValidation;
using FluentValidation.Results;
using Jiceng.Infrastructure.Mediation;

namespace Jiceng.Infrastructure.Database;

/// <summary>A page of a list: <c>items</c>, <c>total</c>, <c>page</c>, <c>pageSize</c>.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, long Total, int Page, int PageSize)
{
    public Paged<TOut> Map<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), Total, Page, PageSize);
}

/// <summary>
/// Page number (from 1) and size (1..<see cref="MaxPageSize"/>), or the whole list for an export
/// (<see cref="ForExport"/>: one page of up to <see cref="MaxExportRows"/>, which no query string can ask for).
/// </summary>
public readonly record struct PageRequest(int Page, int PageSize, bool WholeList = false)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;
    public const int MaxExportRows = 50_000;

    public static PageRequest From(int? page, int? pageSize) => new(page ?? 1, pageSize ?? DefaultPageSize);

    /// <summary>The first <see cref="MaxExportRows"/> rows; the
    /// list's total tells whether that was all of it.</summary>
    public static PageRequest ForExport => new(1, MaxExportRows, WholeList: true);
}

/// <summary>Shared validation of the paging query parameters, so every list reports them alike.</summary>
public static class PagingRules
{
    /// <summary>Far beyond any real list; keeps the offset arithmetic far from overflow.</summary>
    public const int MaxPage = 1_000_000;

    public static void AddPagingRules<T>(this AbstractValidator<T> validator, Func<T, PageRequest> page)
    {
        validator.RuleFor(x => page(x).Page).InclusiveBetween(1, MaxPage).Field("page");
        validator
            .RuleFor(x => page(x).PageSize)
            .InclusiveBetween(1, PageRequest.MaxPageSize)
            .Field("pageSize")
            .When(x => !page(x).WholeList);
    }
}

/// <summary>
/// An ORDER BY built only from a whitelist: API field names map to fixed column expressions, and a
/// unique tie-breaker keeps pages stable. Unknown fields are a 400 on <c>sort</c>.
/// </summary>
public sealed class SortOrder
{
    private readonly string _clause;

    private SortOrder(string clause) => _clause = clause;

    public string Clause => _clause;

    public string Apply(string sql) => sql.Replace("{orderBy}", _clause, StringComparison.Ordinal);

    public static SortOrder Parse(
        string? sort,
        IReadOnlyDictionary<string, string> whitelist,
        string defaultSort,
        string tieBreaker
    )
    {
        var requested = string.IsNullOrWhiteSpace(sort) ? defaultSort : sort;
        var parts = new List<string>();
        foreach (
            var raw in requested.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        )
        {
            var descending = raw.StartsWith('-');
            var field = raw.TrimStart('-', '+');
            var column = whitelist
                .FirstOrDefault(kv => string.Equals(kv.Key, field, StringComparison.OrdinalIgnoreCase))
                .Value;
            if (column is null)
            {
                throw new ValidationException([new ValidationFailure("sort", SortMessage(field, whitelist.Keys))]);
            }
            parts.Add(descending ? column + " DESC" : column + " ASC");
        }
        if (parts.Count > 5)
        {
            throw new ValidationException([new ValidationFailure("sort", SortMessage(requested, whitelist.Keys))]);
        }
        parts.Add(tieBreaker + " ASC");
        return new SortOrder(string.Join(", ", parts));
    }

    internal static string SortMessage(string field, IEnumerable<string> allowed) =>
        Localized.Text(
            $"不支持按“{field}”排序，可用字段：{string.Join(", ", allowed)}（最多 5 个）。",
            $"Cannot sort by '{field}'; allowed fields: {string.Join(", ", allowed)} (at most 5)."
        );
}
