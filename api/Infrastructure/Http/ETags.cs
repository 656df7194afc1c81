using System.Globalization;

namespace Jiceng.Infrastructure.Http;

/// <summary>
/// A resource's ETag is its row <c>version</c> in quotes. Updates must send it back in If-Match:
/// missing is 428, a different or malformed one is 412.
/// </summary>
public static class ETags
{
    public static string Format(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    public static long ParseIfMatch(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            throw new PreconditionRequiredException();
        }
        var value = ifMatch.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }
        value = value.Trim('"');
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new PreconditionFailedException();
    }

    /// <summary>Sets the ETag header of a single-resource response.</summary>
    public static void SetETag(this HttpResponse response, long version) => response.Headers.ETag = Format(version);
}
