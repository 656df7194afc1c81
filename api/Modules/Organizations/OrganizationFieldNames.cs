using Jiceng.Infrastructure.Mediation;
using Jiceng.Modules.Organizations.CreatePairing;
using Jiceng.Modules.Organizations.Domain;
using Jiceng.Modules.Organizations.ListPairings;
using Jiceng.Modules.Organizations.ListRuleWarnings;

namespace Jiceng.Modules.Organizations;

/// <summary>The Organizations module's request fields as its forms label them.</summary>
internal sealed class OrganizationFieldNames : FieldNameCatalog
{
    public OrganizationFieldNames()
    {
        Name("name", "名称", "Name");
        Name("shortName", "简称", "Short name");
        Name("kind", "组织类别", "Kind");
        Name("field", "所属领域", "Field");
        Name("secretaryName", "书记姓名", "Secretary");
        Name("description", "说明", "Description");
        Name("establishedOn", "成立日期", "Established on");
        Name("termStartedOn", "本届任期开始日期", "Term start");
        Name("hasCommittee", "设支部委员会", "Has a branch committee");
        Name("newParentId", "上级党组织", "New parent organization");
        Name("year", "年度", "Year");
        Name("level", "等次", "Level");
        Name("score", "得分", "Score");
        Name("comment", "评语", "Comment");
        Name("memberOrganizationIds", "成员党组织", "Member organizations");
        Name("partnerOrganizationId", "结对党组织", "Partner organization");
        Name("startsOn", "开始日期", "Start date");
        Name("endsOn", "结束日期", "End date");
        Name("notes", "备注", "Notes");
        Name("reasons", "整顿原因", "Reasons");
        Name("plan", "整顿方案", "Plan");
        Name("responsiblePerson", "责任人", "Responsible person");
        Name("flaggedOn", "列入整顿日期", "Flagged on");
        Name("dueOn", "完成时限", "Due date");
        Name("content", "内容", "Content");
        Name("closureNote", "销号说明", "Closure note");
        Name("status", "状态", "Status");
        Name("movement", "变化", "Movement");
        Name("depth", "层级", "Depth");
        Name("regionRootId", "适用区域", "Region");
        Name("document", "规则内容", "Rules");
        Name("code", "代码", "Code");
        Name("rank", "排序", "Rank");
        Name("source", "依据", "Source");
        Name("value", "数值", "Value");
        Name("gradingLevels", "评定等次", "Grading levels");
        Name("levels", "等次", "Levels");
        Name("laggingCodes", "后进等次", "Lagging levels");
        Name("starRating", "星级评定", "Star rating");
        Name("maxScore", "满分", "Maximum score");
        Name("thresholds", "星级分数线", "Thresholds");
        Name("stars", "星级", "Stars");
        Name("minScore", "最低分", "Minimum score");
        Name("weakOrganizationTriggers", "软弱涣散情形", "Weak organization conditions");
        Name("items", "情形", "Conditions");
        // The number rules of the rule set are labelled by their definitions (OrganizationRuleSection).
        Name<CreatePairingCommand>("kind", "结对类型", "Pairing type");
        Name<ListPairingsQuery>("kind", "结对类型", "Pairing type");
        Name<ListRuleWarningsQuery>("code", "预警类型", "Warning type");
        Name<GradingLevel>("name", "等次名称", "Level name");
        Name<GradingLevel>("code", "等次代码", "Level code");
    }
}
