using System.Security.Cryptography;

namespace Jiceng.Modules.Volunteering.Domain;

/// <summary>
/// A service certificate's check code: 11 random characters and a Luhn mod N check character from an alphabet
/// without look-alikes (no 0/O, 1/I), so a mistyped code is refused before any look-up and a guessed one is
/// one in 32^11. The public check page takes it in any case and with spaces or dashes.
/// </summary>
internal static class CertificateCodes
{
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public const int Length = 12;

    public static string New()
    {
        Span<char> code = stackalloc char[Length];
        for (var i = 0; i < Length - 1; i++)
        {
            code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        code[Length - 1] = CheckCharacter(code[..(Length - 1)]);
        return new string(code);
    }

    /// <summary>The code as stored: upper case, no spaces or dashes; null when it is not a well-formed code.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null || typed.Length > 40)
        {
            return null;
        }
        var kept = new string(typed.Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant).ToArray());
        return kept.Length == Length && kept.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) && IsValid(kept)
            ? kept
            : null;
    }

    public static bool IsValid(string code) =>
        code.Length == Length && CheckCharacter(code.AsSpan(0, Length - 1)) == code[Length - 1];

    /// <summary>Luhn mod N (N = 32, even, so doubling is a permutation) over the alphabet's positions: catches every
    /// single change and every adjacent swap but that of the alphabet's first and last characters (Luhn's 09/90).
    /// </summary>
    public static char CheckCharacter(ReadOnlySpan<char> payload)
    {
        var n = Alphabet.Length;
        var factor = 2;
        var sum = 0;
        for (var i = payload.Length - 1; i >= 0; i--)
        {
            var addend = factor * Alphabet.IndexOf(payload[i], StringComparison.Ordinal);
            factor = factor == 2 ? 1 : 2;
            sum += addend / n + addend % n;
        }
        return Alphabet[(n - sum % n) % n];
    }

    /// <summary>A certificate number a person can read out: 志证, the year, and eight characters of its id.</summary>
    public static string Number(int year, Guid id) => $"ZYFW-{year}-{id.ToString("N")[^8..].ToUpperInvariant()}";
}
