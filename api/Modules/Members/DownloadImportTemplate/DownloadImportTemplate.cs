using Jiceng.Infrastructure;
using Jiceng.Modules.Members.Domain;
using Mediator;

namespace Jiceng.Modules.Members.DownloadImportTemplate;

/// <summary>The import template: the columns in order with one
/// example row, and a second sheet explaining each column.</summary>
internal sealed record DownloadImportTemplateQuery : IQuery<byte[]>;

internal sealed class DownloadImportTemplateHandler : IQueryHandler<DownloadImportTemplateQuery, byte[]>
{
    public ValueTask<byte[]> Handle(DownloadImportTemplateQuery query, CancellationToken cancellationToken)
    {
        // A made-up person (valid check character): staff overwrite it.
        var example = new Dictionary<string, string>
        {
            ["organization"] = "",
            ["name"] = Localized.Text("王秀兰", "Wang Xiulan"),
            ["idNumber"] = "11010519491231002X",
            ["ethnicity"] = Localized.Text("汉族", "Han"),
            ["phone"] = "13812345678",
            ["education"] = MemberSheets.Label(Education.SeniorHigh),
            ["occupation"] = Localized.Text("村民", "Villager"),
            ["category"] = MemberSheets.Label(MemberCategory.Farmer),
            ["stage"] = MemberSheets.Label(MemberStage.Full),
            ["appliedOn"] = "",
            ["talkOn"] = "",
            ["activistOn"] = "",
            ["candidateOn"] = "",
            ["joinedOn"] = "1975-07-01",
            ["fullMemberOn"] = "1976-07-01",
        };
        var members = new[] { MemberSheets.ImportColumns.ToDictionary(c => c.Header, c => (object)example[c.Key]) };
        var help = MemberSheets
            .ImportColumns.Select(c =>
                (IDictionary<string, object>)
                    new Dictionary<string, object>
                    {
                        [Localized.Text("列", "Column")] = c.Header,
                        [Localized.Text("必填", "Required")] = c.Required ? Localized.Text("是", "yes") : "",
                        [Localized.Text("说明", "Notes")] = Explain(c),
                    }
            )
            .ToList();
        var sheets = new Dictionary<string, object>
        {
            [Localized.Text("党员", "Members")] = members,
            [Localized.Text("填写说明", "How to fill in")] = help,
        };
        return ValueTask.FromResult(MemberSheets.WriteSheets(sheets));
    }

    private static string Explain(SheetColumn column) =>
        column.Key switch
        {
            "organization" => Localized.Text(
                "导入时所选党组织之下的党组织名称；空白即所选党组织本身。",
                "An organization's name under the one chosen for the import; blank means that one."
            ),
            "idNumber" => Localized.Text(
                "18 位，末位按 GB 11643 校验；请把这一列设为文本，否则 Excel 会丢掉末几位。",
                "18 characters with a GB 11643 check character; format "
                    + "the column as text or Excel drops the last digits."
            ),
            "category" or "stage" or "education" => Localized.Text("可选：", "One of: ") + MemberSheets.Choices(column),
            "appliedOn" => Localized.Text(
                "入党申请人、积极分子、发展对象必填；申请时须年满 18 周岁。",
                "Required for applicants, activists and candidates; 18 or older when applying."
            ),
            "talkOn" => Localized.Text("申请后一个月内。", "Within a month of the application."),
            "joinedOn" => Localized.Text(
                "预备党员、正式党员必填（支部大会通过之日）。",
                "Required for probationary and full members (the day of the branch vote)."
            ),
            "fullMemberOn" => Localized.Text("正式党员必填。", "Required for full members."),
            _ => column.Key.EndsWith("On", StringComparison.Ordinal)
                ? Localized.Text("日期，yyyy-MM-dd。", "A date, yyyy-MM-dd.")
                : "",
        };
}
