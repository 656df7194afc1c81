using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Dividends.Domain;

internal enum HouseholdRelation
{
    [Label("户主", "Head of household")]
    Head,

    [Label("配偶", "Spouse")]
    Spouse,

    [Label("子女", "Child")]
    Child,

    [Label("父母", "Parent")]
    Parent,

    [Label("孙子女", "Grandchild")]
    Grandchild,

    [Label("兄弟姐妹", "Sibling")]
    Sibling,

    [Label("其他", "Other")]
    Other,
}

internal enum CollectiveMemberStatus
{
    [Label("在册", "Active")]
    Active,

    [Label("已去世", "Deceased")]
    Deceased,

    [Label("已迁出", "Left")]
    Left,
}

/// <summary>A share count of one type, as a request gives it or the register answers it.</summary>
internal sealed record ShareQuantity(Guid? ShareTypeId, long? Quantity);

/// <summary>How a collective member's personal data is kept: encrypted, a keyed index, and a mask.</summary>
internal static class CollectiveMemberData
{
    /// <summary>6217002710000012345 → 6217***********2345 (bank and last four stay).</summary>
    public static string MaskAccount(string account) =>
        account.Length <= 8
            ? new string('*', account.Length)
            : account[..4] + new string('*', account.Length - 8) + account[^4..];

    public static string NormalizeAccount(string account) =>
        new(account.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    public static bool IsAccount(string? account) =>
        account is not null
        && NormalizeAccount(account) is { Length: >= 8 and <= 32 } normalized
        && normalized.All(char.IsAsciiDigit);

    public static (string Cipher, string Index, string Masked) IdNumber(PersonalDataProtector protector, string value)
    {
        var normalized = value.Trim().ToUpperInvariant();
        return (protector.Encrypt(normalized), protector.BlindIndex(normalized), PersonalDataMask.IdNumber(normalized));
    }

    public static (string? Cipher, string? Masked) Account(PersonalDataProtector protector, string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? (null, null)
            : (protector.Encrypt(NormalizeAccount(value)), MaskAccount(NormalizeAccount(value)));
}
