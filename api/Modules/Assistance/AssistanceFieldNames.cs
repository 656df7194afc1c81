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
        Name("occasion", "节日", "Holiday");
        Name("status", "状态", "Status");
        Name("year", "年度", "Year");
        Name("relation", "与烈士关系", "Relation to the martyr");
        Name("visitedOn", "走访日期", "Visited on");
        Name("visitors", "走访人", "Visitors");
        Name("money", "慰问金（元）", "Money (yuan)");
        Name("goods", "慰问品", "Goods");
        Name("goodsValue", "慰问品价值（元）", "Goods value (yuan)");
        Name("note", "备注", "Note");
        Name("paidOn", "发放日期", "Paid on");
        Name("helperMemberId", "帮扶人", "Helper");
        Name("helpedMemberId", "帮扶对象", "Member helped");
        Name("startedOn", "结对日期", "Paired on");
        Name("endedOn", "结束日期", "Ended on");
        Name("helpedOn", "帮扶日期", "Helped on");
        Name("what", "帮扶内容", "What was done");
        Name("hardshipId", "困难登记", "Hardship entry");
        Name("checkedOn", "复核日期", "Checked on");
        Name("outcome", "复核结果", "Outcome");
        Name("memberId", "帮扶对象", "Member helped");
        Name("category", "帮扶类别", "Category");
        Name("otherAid", "本年已获其他救助", "Other aid received this year");
        Name("otherAidAmount", "其他救助金额（元）", "Other aid (yuan)");
        Name("reviewedOn", "评议日期", "Review date");
        Name("passed", "评议结果", "Review outcome");
        Name("noticeFrom", "公示开始", "Notice from");
        Name("noticeTo", "公示结束", "Notice to");
        Name("method", "支付方式", "Payment method");
        Name("confirmedOn", "确认日期", "Confirmed on");
        Name("kind", "类型", "Kind");
        Name("from", "起始日期", "From");
        Name("to", "截止日期", "To");
        Name("awaiting", "待审批层级", "Awaiting tier");
        Name("file", "证明材料", "Supporting document");
        Name("count", "抽查数量", "Sample size");
        Name("fromYear", "起始年度", "From year");
        Name("toYear", "截止年度", "To year");
    }
}
