using System.Globalization;

namespace Jiceng.Tests.Support;

/// <summary>
/// Valid ID numbers (GB 11643 check character) that never repeat within a test run, whatever fixture asks:
/// the register refuses the same person twice, and all fixtures of a provider share one database.
/// </summary>
public static class TestIdNumbers
{
    private static int _next;

    /// <param name="birth">yyyy-MM-dd</param>
    /// <param name="male">The sequence digit is odd for men, even for women.</param>
    public static string For(string birth = "1970-01-01", bool male = true)
    {
        var n = Interlocked.Increment(ref _next);
        // 500 sequence numbers per region code and sex; then the next (made-up) region code.
        var region = 230100 + n / 500;
        var sequence = n % 500 * 2 + (male ? 1 : 0);
        var first17 =
            region.ToString("000000", CultureInfo.InvariantCulture)
            + birth.Replace("-", "", StringComparison.Ordinal)
            + sequence.ToString("000", CultureInfo.InvariantCulture);
        return first17 + CheckCharacter(first17);
    }

    /// <summary>
    /// The GB 11643 check character computed independently of the production code, by ISO 7064 MOD 11-2's
    /// recursive form (no table of weights): p = (p + digit) × 2 mod 11 over the 17 digits, then the character c
    /// with (p + c) mod 11 = 1, where 10 is written X. A mistyped weight in production then disagrees with this.
    /// </summary>
    public static char CheckCharacter(string first17)
    {
        var p = 0;
        foreach (var c in first17[..17])
        {
            p = (p + (c - '0')) * 2 % 11;
        }
        var check = (12 - p) % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }
}
