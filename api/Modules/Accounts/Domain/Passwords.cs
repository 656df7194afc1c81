using Microsoft.AspNetCore.Identity;

namespace Jiceng.Modules.Accounts.Domain;

/// <summary>
/// New password hashes, for the slices and seeders that set a password without a request scope (the sign-in
/// verifies and rehashes through the injected <see cref="IPasswordHasher{TUser}"/>, which uses the same format).
/// </summary>
internal static class Passwords
{
    private static readonly PasswordHasher<UserRow> Hasher = new();

    public static string Hash(string password) => Hasher.HashPassword(new UserRow(), password);
}
