using System.Globalization;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using MiniExcelLibs;

namespace Jiceng.Modules.Members.Domain;

/// <summary>
/// A column of the member spreadsheet: its Chinese header in the official word (what the template and exports say),
/// its English one, and the other words staff's own sheets use for it (身份证号码 for 公民身份号码), which an import
/// also reads.
/// </summary>
internal sealed record SheetColumn(
    string Key,
    string Chinese,
    string English,
    bool Required = false,
    string[]? Also = null
)
{
    public string Header => Localized.Text(Chinese, English);

    /// <summary>This column in an export, its cell taken from a row.</summary>
    public ExportColumn<T> Exported<T>(Func<T, object?> cell) => new(Chinese, English, cell);

    public bool Matches(string header) =>
        string.Equals(header, Chinese, StringComparison.Ordinal)
        || string.Equals(header, English, StringComparison.OrdinalIgnoreCase)
        || string.Equals(header, Key, StringComparison.OrdinalIgnoreCase)
        || (Also ?? []).Contains(header, StringComparer.Ordinal);
}

/// <summary>
/// The member spreadsheet (.xlsx through MiniExcel, or .csv): the import template's columns, which an export
/// also carries (so an exported file, with ID numbers revealed, imports again), and the Chinese words for
/// each enumeration that staff type into the cells.
/// </summary>
internal static class MemberSheets
{
    // Headers in the words of the 党内统计 and 发展党员 documents; the SPA's labels (resources.ts) use the same.
    public static readonly SheetColumn Organization = new(
        "organization",
        "所在党组织",
        "Organization",
        Also: ["党组织", "所在支部"]
    );
    public static readonly SheetColumn Name = new("name", "姓名", "Name", Required: true);
    public static readonly SheetColumn IdNumber = new(
        "idNumber",
        "公民身份号码",
        "ID number",
        Required: true,
        Also: ["身份证号码", "身份证号", "居民身份证号码", "身份证"]
    );
    public static readonly SheetColumn Ethnicity = new("ethnicity", "民族", "Ethnicity");
    public static readonly SheetColumn Phone = new("phone", "联系电话", "Phone", Also: ["电话", "手机号码", "手机号"]);
    public static readonly SheetColumn Education = new("education", "学历", "Education", Also: ["文化程度"]);
    public static readonly SheetColumn Occupation = new("occupation", "工作岗位", "Occupation", Also: ["职业", "岗位"]);
    public static readonly SheetColumn Category = new(
        "category",
        "人员类别",
        "Category",
        Required: true,
        Also: ["类别"]
    );
    public static readonly SheetColumn Stage = new("stage", "发展阶段", "Stage", Required: true);
    public static readonly SheetColumn AppliedOn = new(
        "appliedOn",
        "申请入党日期",
        "Applied on",
        Also: ["入党申请日期", "申请日期"]
    );
    public static readonly SheetColumn TalkOn = new("talkOn", "谈话日期", "Talk on");
    public static readonly SheetColumn ActivistOn = new(
        "activistOn",
        "确定为入党积极分子日期",
        "Activist on",
        Also: ["确定积极分子日期", "确定为积极分子日期", "列为入党积极分子日期"]
    );
    public static readonly SheetColumn CandidateOn = new(
        "candidateOn",
        "确定为发展对象日期",
        "Candidate on",
        Also: ["确定发展对象日期", "列为发展对象日期"]
    );
    public static readonly SheetColumn JoinedOn = new("joinedOn", "入党日期", "Joined on", Also: ["入党时间"]);
    public static readonly SheetColumn FullMemberOn = new(
        "fullMemberOn",
        "转正日期",
        "Full member on",
        Also: ["转正时间"]
    );

    // Export only: derived from the record, ignored on import.
    public static readonly SheetColumn Gender = new("gender", "性别", "Gender");
    public static readonly SheetColumn BirthDate = new("birthDate", "出生日期", "Birth date");
    public static readonly SheetColumn Status = new("status", "状态", "Status");

    /// <summary>What the import reads, in template order.</summary>
    public static readonly IReadOnlyList<SheetColumn> ImportColumns =
    [
        Organization,
        Name,
        IdNumber,
        Ethnicity,
        Phone,
        Education,
        Occupation,
        Category,
        Stage,
        AppliedOn,
        TalkOn,
        ActivistOn,
        CandidateOn,
        JoinedOn,
        FullMemberOn,
    ];

    // The Chinese words staff type and read are the values' labels; English files use the enumeration names.
    private static readonly Dictionary<MemberCategory, string> Categories = Labels.ChineseOf<MemberCategory>();

    private static readonly Dictionary<MemberStage, string> Stages = Labels.ChineseOf<MemberStage>();

    private static readonly Dictionary<Domain.Education, string> Educations = Labels.ChineseOf<Domain.Education>();

    private static readonly Dictionary<MemberStatus, string> Statuses = Labels.ChineseOf<MemberStatus>();

    // Words staff's own sheets use for an education, read as the official one.
    private static readonly Dictionary<string, object> EducationSynonyms = new()
    {
        ["本科"] = Domain.Education.Bachelor,
        ["大学专科"] = Domain.Education.College,
        ["硕士"] = Domain.Education.Master,
        ["博士"] = Domain.Education.Doctorate,
    };

    // Cell text → value, built once: an import reads three such cells on every row.
    private static readonly Dictionary<Type, Dictionary<string, object>> ByWord = new()
    {
        [typeof(MemberCategory)] = Categories.ToDictionary(p => p.Value, p => (object)p.Key),
        [typeof(MemberStage)] = Stages.ToDictionary(p => p.Value, p => (object)p.Key),
        [typeof(Domain.Education)] = Educations
            .ToDictionary(p => p.Value, p => (object)p.Key)
            .Concat(EducationSynonyms)
            .ToDictionary(),
    };

    /// <summary>The Chinese word for a stage, whatever the request's
    /// language (messages quoting the Party's terms).</summary>
    public static string Chinese(MemberStage value) => Stages[value];

    public static string Label(MemberCategory value) => Localized.Text(Categories[value], value.ToString());

    public static string Label(MemberStage value) => Localized.Text(Stages[value], value.ToString());

    public static string Label(Domain.Education value) => Localized.Text(Educations[value], value.ToString());

    public static string Label(MemberStatus value) => Localized.Text(Statuses[value], value.ToString());

    public static string Label(Domain.Gender value) => Localized.Text(Labels.Chinese(value), value.ToString());

    /// <summary>The allowed words of a column, for the template's second sheet and for error messages.</summary>
    public static string Choices(SheetColumn column) =>
        column.Key switch
        {
            "category" => string.Join("、", Categories.Values),
            "stage" => string.Join("、", Stages.Values),
            "education" => string.Join("、", Educations.Values),
            _ => "",
        };

    /// <summary>A cell's enumeration value: the Chinese word or the English name.</summary>
    public static bool TryParse<T>(string text, out T value)
        where T : struct, Enum
    {
        if (ByWord.TryGetValue(typeof(T), out var words) && words.TryGetValue(text, out var word))
        {
            value = (T)word;
            return true;
        }
        return Enum.TryParse(text, ignoreCase: true, out value)
            && Enum.IsDefined(value)
            && !int.TryParse(text, CultureInfo.InvariantCulture, out _);
    }

    /// <summary>A date cell: a real Excel date, an Excel serial
    /// number, or text as 2024-07-01, 2024/7/1 or 2024.7.1.</summary>
    public static DateOnly? ParseDate(object? cell) =>
        cell switch
        {
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            double serial when serial is > 1 and < 2958466 => DateOnly.FromDateTime(DateTime.FromOADate(serial)),
            string text
                when DateOnly.TryParseExact(
                    text.Trim(),
                    ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd"],
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.None,
                    out var date
                ) => date,
            _ => null,
        };

    /// <summary>A text cell; numbers keep every digit they have (an ID
    /// number typed as a number has already lost its last ones).</summary>
    public static string? Text(object? cell) =>
        cell switch
        {
            null => null,
            string text => Infrastructure.Primitives.VisibleText.Trim(text) is { Length: > 0 } visible ? visible : null,
            double number => number.ToString("0.##########", CultureInfo.InvariantCulture),
            DateTime dateTime => dateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => Convert.ToString(cell, CultureInfo.InvariantCulture)?.Trim(),
        };

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Writes several sheets (sheet name → rows) into one .xlsx.</summary>
    public static byte[] WriteSheets(IDictionary<string, object> sheets)
    {
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
