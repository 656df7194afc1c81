using Jiceng.Infrastructure.Mediation;

namespace Jiceng.Modules.Calendar;

/// <summary>The Calendar module's request fields as its form labels them.</summary>
internal sealed class CalendarFieldNames : FieldNameCatalog
{
    public CalendarFieldNames()
    {
        Name("year", "年份", "Year");
        Name("notice", "节假日安排通知", "Holiday notice");
        Name("holidays", "放假日期", "Holidays");
        Name("workingDays", "调休上班日期", "Make-up working days");
        Name("on", "日期", "Date");
        Name("name", "名称", "Name");
    }
}
