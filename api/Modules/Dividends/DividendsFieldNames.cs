using Jiceng.Infrastructure.Mediation;

namespace Jiceng.Modules.Dividends;

/// <summary>The Dividends module's request fields as its forms label them (each helper appends its own).</summary>
internal sealed class DividendsFieldNames : FieldNameCatalog
{
    public DividendsFieldNames()
    {
        Name("organizationId", "所属组织", "Organization");
        Name("name", "名称", "Name");
        Name("kind", "类型", "Kind");
        Name("creditCode", "统一社会信用代码", "Unified social credit code");
        Name("landTransferredMu", "流转土地（亩）", "Land transferred (mu)");
        Name("shareManagement", "股权管理方式", "Share management");
        Name("establishedOn", "成立日期", "Established on");
        Name("year", "年度", "Year");
        // Distribution plans and payouts
        Name("collectiveId", "集体经济组织", "Collective");
        Name("title", "方案名称", "Title");
        Name("cutOffOn", "股权截止日", "Share register cut-off date");
        Name("parts", "分配项目", "Parts");
        Name("label", "项目名称", "Part name");
        Name("method", "方式", "Method");
        Name("payeeUnit", "发放对象", "Paid to");
        Name("pool", "分配总额", "Pool");
        Name("amount", "金额", "Amount");
        Name("weights", "股份权重", "Share weights");
        Name("minAge", "最低年龄", "Minimum age");
        Name("step", "步骤", "Step");
        Name("occurredOn", "日期", "Date");
        Name("documentRef", "文件或记录编号", "Document reference");
        Name("vote", "表决情况", "Vote");
        Name("body", "会议类型", "Meeting");
        Name("entitled", "应到人数", "Entitled");
        Name("present", "实到人数", "Present");
        Name("inFavour", "赞成票", "In favour");
        Name("against", "反对票", "Against");
        Name("abstaining", "弃权票", "Abstaining");
        Name("reviewedOn", "审核日期", "Reviewed on");
        Name("startsOn", "公示开始日期", "Notice starts on");
        Name("approvedOn", "批准日期", "Approved on");
        Name("receivedOn", "收到日期", "Received on");
        Name("raisedBy", "异议人", "Raised by");
        Name("content", "异议内容", "Objection");
        Name("answer", "答复", "Answer");
        Name("paidOn", "发放日期", "Paid on");
        Name("reference", "签领表或转账凭证号", "Sheet or transfer reference");
        Name("proxyName", "代领人", "Proxy");
        Name("proxyAuthorization", "委托书编号", "Authorization reference");
        Name("note", "备注", "Note");
        Name("status", "状态", "Status");
        Name("weight", "权重", "Weight");
        Name("sortOrder", "排列顺序", "Order");
        Name("noticeFrom", "公示开始日期", "Notice from");
        Name("noticeTo", "公示结束日期", "Notice to");
        Name("assemblyOn", "表决日期", "Vote on");
        Name("assemblyKind", "会议类型", "Assembly");
        Name("votesFor", "赞成票", "Votes for");
        Name("votesAgainst", "反对票", "Votes against");
        Name("number", "户号", "Household number");
        Name("address", "住址", "Address");
        Name("sharesFrom", "配股生效日期", "Shares from");
        Name("confirmationId", "成员身份确认", "Membership confirmation");
        Name("members", "家庭成员", "Members");
        Name("idNumber", "公民身份号码", "ID number");
        Name("relation", "与户主关系", "Relation to the head");
        Name("bankAccount", "银行账号", "Bank account");
        Name("bankName", "开户银行", "Bank");
        Name("shares", "持股", "Shares");
        Name("shareTypeId", "股份类型", "Share type");
        Name("quantity", "股数", "Quantity");
        Name("effectiveOn", "生效日期", "Effective on");
        Name("reason", "事由", "Reason");
        Name("lines", "变动明细", "Lines");
        Name("memberId", "成员", "Member");
        Name("delta", "变动股数", "Change");
        Name("deceasedMemberId", "去世成员", "Deceased member");
        Name("newHousehold", "新户", "New household");
        Name("memberIds", "分出的成员", "Members who move");
        Name("headMemberId", "新户户主", "Head of the new household");
        Name("field", "查看内容", "Field");
        Name("operatingIncome", "经营收入", "Operating income");
        Name("investmentIncome", "投资收益", "Investment income");
        Name("otherIncome", "其他收入", "Other income");
        Name("grantIncome", "补助收入", "Grants");
        Name("landCompensation", "征地补偿款", "Land compensation");
        Name("costs", "各项支出", "Costs");
        Name("lossesCarried", "以前年度亏损", "Losses carried");
        Name("reserve", "公积公益金", "Reserves");
        Name("memberDividends", "成员分配", "Member distributions");
        Name("byVolumeReturn", "按交易量（额）返还", "Return by trading volume");
        Name("notes", "备注", "Notes");
        Name("q", "搜索", "Search");
        // Plan versions, the payout ledger, statements and the bank's files
        Name("terms", "方案内容", "Plan terms");
        Name("partNo", "分配项目", "Part");
        Name("stage", "阶段", "Stage");
        Name("reversedOn", "冲正日期", "Reversed on");
        Name("format", "文件格式", "File format");
        Name("fromYear", "起始年度", "From year");
        Name("toYear", "截止年度", "To year");
        Name("file", "文件", "File");
    }
}
