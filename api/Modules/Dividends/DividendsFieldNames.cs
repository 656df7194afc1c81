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
        Name("weight", "权重", "Weight");
        Name("sortOrder", "排列顺序", "Order");
        Name("noticeFrom", "公示开始日期", "Notice from");
        Name("noticeTo", "公示结束日期", "Notice to");
        Name("assemblyOn", "表决日期", "Vote on");
        Name("assemblyKind", "会议类型", "Assembly");
        Name("entitled", "应到人数", "Entitled");
        Name("present", "实到人数", "Present");
        Name("votesFor", "赞成票", "Votes for");
        Name("votesAgainst", "反对票", "Votes against");
        Name("documentRef", "文件编号", "Document reference");
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
    }
}
