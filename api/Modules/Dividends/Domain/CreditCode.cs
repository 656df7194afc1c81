namespace Jiceng.Modules.Dividends.Domain;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and the capitals without I, O, Z, S and V; the 18th is a
/// check character over the first 17 (weights 3^(i-1) mod 31, check = 31 − Σ mod 31, 31 written as 0). A village's
/// stock cooperative is registered by the agriculture department (N2…), a cooperative by market regulation (93…).
/// </summary>
internal static class CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? code) =>
        code is { Length: 18 }
        && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal))
        && code[..8][2..].All(char.IsAsciiDigit)
        && CheckCharacter(code[..17]) == code[17];

    /// <summary>The check character of the first 17 characters (all from the alphabet).</summary>
    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }
        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }
}
