using Jiceng.Infrastructure.Mediation;

namespace Jiceng.Modules.Assistance;

/// <summary>The Assistance module's request fields as its forms label them.</summary>
internal sealed class AssistanceFieldNames : FieldNameCatalog
{
    public AssistanceFieldNames()
    {
        Name("organizationId", "党组织", "Organization");
        Name("fundId", "帮扶资金", "Fund");
        Name("name", "名称", "Name");
        Name("amount", "金额（元）", "Amount (yuan)");
        Name("source", "资金来源", "Source");
        Name("purpose", "用途", "Purpose");
        Name("occurredOn", "日期", "Date");
        Name("toFundId", "下拨至", "Allocate to");
        Name("entryId", "记账", "Ledger entry");
        Name("reason", "原因", "Reason");
        Name("reference", "凭证号", "Reference");
    }
}
