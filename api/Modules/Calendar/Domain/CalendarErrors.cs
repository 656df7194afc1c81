using Jiceng.Infrastructure.Http;

namespace Jiceng.Modules.Calendar.Domain;

/// <summary>Every refusal of the Calendar module, with its stable code and both languages.</summary>
internal static class CalendarErrors
{
    public static BusinessRuleException YearMissing(int year) =>
        new(
            "calendar_year_missing",
            $"{year} 年的节假日安排尚未录入，无法计算工作日。请系统管理员按国务院办公厅当年的节假日安排通知录入。",
            $"The official holidays of {year} have not been entered, so working days cannot be counted. "
                + "A system administrator enters them from the State Council's holiday notice for that year.",
            new Dictionary<string, object?> { ["year"] = year }
        );

    public static BusinessRuleException YearTooFar(int year, int latest) =>
        new(
            "calendar_year_too_far",
            $"只能录入到 {latest} 年（国务院办公厅每年年底公布下一年的节假日安排），不能录入 {year} 年。",
            $"Calendars can be entered up to {latest} (the State Council publishes the next year's holidays at the "
                + $"end of each year), not {year}.",
            new Dictionary<string, object?>
            {
                ["year"] = year,
                ["latest"] = latest,
                ["field"] = "year",
            }
        );

    public static BusinessRuleException YearExists(int year) =>
        new(
            "calendar_year_exists",
            $"{year} 年的日历已存在；修改时请带上 If-Match。",
            $"The calendar of {year} already exists; send If-Match to change it.",
            new Dictionary<string, object?> { ["year"] = year }
        );
}
