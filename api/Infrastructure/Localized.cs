using System.Globalization;

namespace Jiceng.Infrastructure;

/// <summary>Chooses the zh-CN or en-US text of a message by the request's UI culture (zh-CN unless asked).</summary>
public static class Localized
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Text(string chinese, string english) => IsEnglish ? english : chinese;
}
