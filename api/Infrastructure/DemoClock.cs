namespace Jiceng.Infrastructure;

/// <summary>
/// The app's clock, which a demo seeder can set back for its own work only: while a seeder replays the demo's
/// history (<see cref="Set"/> inside its async flow), every command it sends sees that moment as now, so the
/// commands' own rules date the steps, count the working-day deadlines and credit check-ins as they would have then.
/// Anything outside that flow (every request, every other seeder) reads the inner clock: the moment lives in an
/// <see cref="AsyncLocal{T}"/>, which does not leave the flow that set it.
/// </summary>
public sealed class DemoClock(TimeProvider inner) : TimeProvider
{
    private static readonly AsyncLocal<DateTimeOffset?> Moment = new();

    public override DateTimeOffset GetUtcNow() => Moment.Value ?? inner.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>The real now, whatever moment the current flow replays.</summary>
    public DateTimeOffset RealNow => inner.GetUtcNow();

    /// <summary>Makes <paramref name="moment"/> now for the calling flow and what it awaits; null goes back.</summary>
    public static void Set(DateTimeOffset? moment) => Moment.Value = moment;
}
