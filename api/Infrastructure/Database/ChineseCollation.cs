using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Jiceng.Infrastructure.Database;

/// <summary>
/// Names sort by pinyin (何 he, 刘 liu, 孙 sun, 吴 wu, 周 zhou), as a Chinese user reads a list, not by code point.
/// Each engine has its own Chinese collation, reached through the dialect token <c>{collate-zh}</c> placed after a
/// name column: PostgreSQL the ICU collation <see cref="Name"/> that a migration creates
/// (<c>zh-u-co-pinyin</c>), SQL Server <c>Chinese_PRC_CI_AS</c>, and SQLite a collation of the same name that
/// <see cref="DbConnectionFactory"/> registers on every connection, comparing with .NET's ICU rules for zh-CN.
/// </summary>
public static class ChineseCollation
{
    /// <summary>The collation's name on PostgreSQL and SQLite.</summary>
    public const string Name = "zh_pinyin";

    /// <summary>The PostgreSQL (ICU) locale: Chinese with the pinyin ordering asked for explicitly.</summary>
    public const string IcuLocale = "zh-u-co-pinyin";

    // zh-CN's default ICU ordering is pinyin; it needs ICU, so the API does not run in invariant globalization.
    private static readonly CompareInfo Chinese = CultureInfo.GetCultureInfo("zh-CN").CompareInfo;

    /// <summary>The comparison SQLite calls for <c>COLLATE zh_pinyin</c>.</summary>
    public static int Compare(string? x, string? y) => Chinese.Compare(x, y, CompareOptions.None);

    /// <summary>Makes <c>COLLATE zh_pinyin</c> known to a SQLite connection (before or after it opens).</summary>
    public static void Register(SqliteConnection connection) => connection.CreateCollation(Name, Compare);
}
