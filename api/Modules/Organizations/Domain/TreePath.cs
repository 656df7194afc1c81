namespace Jiceng.Modules.Organizations.Domain;

/// <summary>
/// The materialized path of the organization tree: one fixed-width segment of five base-32 characters
/// per level (33 million children per parent), compared byte by byte. A node's subtree is the range
/// [path, path + "~"), because "~" sorts after every segment character.
/// </summary>
internal static class TreePath
{
    public const int SegmentLength = 5;
    public const int MaxLength = 200;
    public const int MaxDepth = MaxLength / SegmentLength - 1;
    public const string WholeTreeFrom = "";
    public const string WholeTreeTo = "~";
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuv";
    private const long Capacity = 32L * 32 * 32 * 32 * 32;

    public static string Segment(long sequence)
    {
        if (sequence < 1 || sequence >= Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), "An organization has too many children.");
        }
        Span<char> chars = stackalloc char[SegmentLength];
        for (var i = SegmentLength - 1; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(sequence % 32)];
            sequence /= 32;
        }
        return new string(chars);
    }

    public static string SubtreeEnd(string path) => path + "~";

    /// <summary>The paths of every ancestor of a node, root first, excluding the node itself.</summary>
    public static IReadOnlyList<string> AncestorPaths(string path)
    {
        var result = new List<string>();
        for (var length = SegmentLength; length < path.Length; length += SegmentLength)
        {
            result.Add(path[..length]);
        }
        return result;
    }

    public static bool IsWithin(string candidate, string ancestorPath) =>
        candidate.StartsWith(ancestorPath, StringComparison.Ordinal);
}
