namespace Jiceng.Infrastructure.Primitives;

/// <summary>
/// Calendar questions ("today", anniversaries, due dates) are answered in China Standard Time, whatever
/// the server's zone; the clock is the injected <see cref="TimeProvider"/> so tests can move it.
/// </summary>
public static class ShanghaiCalendar
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly Today(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
}
