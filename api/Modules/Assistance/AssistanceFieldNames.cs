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
        Name("memberId", "帮扶对象", "Member helped");
        Name("category", "帮扶类别", "Category");
        Name("otherAid", "本年已获其他救助", "Other aid received this year");
        Name("otherAidAmount", "其他救助金额（元）", "Other aid (yuan)");
        Name("note", "备注", "Note");
        Name("reviewedOn", "评议日期", "Review date");
        Name("passed", "评议结果", "Review outcome");
        Name("noticeFrom", "公示开始", "Notice from");
        Name("noticeTo", "公示结束", "Notice to");
        Name("paidOn", "支付日期", "Paid on");
        Name("method", "支付方式", "Payment method");
        Name("confirmedOn", "确认日期", "Confirmed on");
        Name("kind", "类型", "Kind");
        Name("from", "起始日期", "From");
        Name("to", "截止日期", "To");
        Name("status", "状态", "Status");
        Name("awaiting", "待审批层级", "Awaiting tier");
        Name("year", "年度", "Year");
    }
}
