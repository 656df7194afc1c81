namespace Jiceng.Infrastructure.Database;

/// <summary>Turns user text into a parameter for <c>LIKE @p ESCAPE '\'</c>, so %, _ and \ match literally.</summary>
public static class LikePattern
{
    public static string? Contains(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var escaped = text.Trim()
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
        return "%" + escaped + "%";
    }
}
