using Jiceng.Infrastructure.Http;
using Jiceng.Modules.Calendar.Contracts;
using Jiceng.Modules.Calendar.Domain;
using Jiceng.Modules.Calendar.GetCalendarYear;
using Jiceng.Modules.Calendar.ListCalendarYears;
using Jiceng.Modules.Calendar.RecordCalendarYear;

namespace Jiceng.Modules.Calendar;

/// <summary>
/// The official working-day calendar (the State Council's yearly holiday notices): shared by every module that
/// counts notice periods in working days, through <see cref="IWorkingCalendar"/>.
/// </summary>
public static class CalendarModule
{
    /// <summary>The tables this module owns (each table has one owner); others ask through its Contracts.</summary>
    internal static readonly IReadOnlyList<string> Tables = ["calendar_years", "calendar_days"];

    public static IServiceCollection AddCalendarModule(this IServiceCollection services)
    {
        // Scoped: it reads through the request's session, inside the caller's transaction.
        services.AddScoped<IWorkingCalendar, WorkingCalendar>();
        return services;
    }

    public static IEndpointRouteBuilder MapCalendarModule(this IEndpointRouteBuilder app)
    {
        var calendar = app.MapGroup("/api/v1/calendar").WithTags("Working-day calendar").WithStandardProblems();
        ListCalendarYearsEndpoint.Map(calendar);
        GetCalendarYearEndpoint.Map(calendar);
        RecordCalendarYearEndpoint.Map(calendar);
        return app;
    }
}
