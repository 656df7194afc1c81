using Jiceng.Infrastructure.Mediation;

namespace Jiceng.Modules.Volunteering;

/// <summary>
/// The Volunteering module's request fields as its forms label them (each area appends its own lines).
/// </summary>
internal sealed class VolunteeringFieldNames : FieldNameCatalog
{
    public VolunteeringFieldNames()
    {
        // Demands (群众点单)
        Name("organizationId", "所在社区（党组织）", "Community (organization)");
        Name("category", "服务类别", "Category");
        Name("description", "需求内容", "Description");
        Name("requesterName", "点单人姓名", "Requester's name");
        Name("requesterPhone", "点单人联系电话", "Requester's phone");
        Name("beneficiaryMemberId", "受益困难党员", "Beneficiary member in hardship");
        Name("urgency", "紧急程度", "Urgency");
        Name("wishedOn", "期望完成日期", "Wished-for date");
        Name("note", "备注", "Note");
        Name("reason", "理由", "Reason");
        Name("claimant", "承接方", "Claimant");
        Name("claimant.kind", "承接方类型", "Claimant kind");
        Name("claimant.id", "承接方", "Claimant");
        Name("helpers", "服务人员", "Helpers");
        Name("value", "折合资金（元）", "Value (yuan)");
        Name("state", "状态", "State");
        Name("workDone", "服务内容", "What was done");
        Name("stars", "评价星级", "Stars");
        Name("comment", "评价意见", "Comment");
        Name("field", "查看项", "Field");
        Name("outcome", "回访情况", "Outcome");

        // Micro-wishes (微心愿)
        Name("kind", "类型", "Kind");
        Name("estimatedValue", "心愿价值（元）", "Value (yuan)");
        Name("personName", "心愿人姓名", "Resident's name");
        Name("personPhone", "心愿人电话", "Resident's phone");
        Name("placedOn", "登记日期", "Placed on");
        Name("claimedOn", "认领日期", "Claimed on");
        Name("deliveredOn", "送达日期", "Delivered on");
        Name("receivedOn", "收到日期", "Received on");
        Name<PlaceMicroWish.PlaceMicroWishCommand>("description", "心愿内容", "Wish");
        Name<PlaceMicroWish.PlaceMicroWishRequest>("description", "心愿内容", "Wish");
        Name<ClaimMicroWish.MicroWishClaimant>("kind", "认领类型", "Claimant kind");
        Name<ClaimMicroWish.MicroWishClaimant>("id", "认领方", "Claimant");
        Name("year", "年份", "Year");
        Name("memberId", "党员", "Party member");
        Name("name", "姓名", "Name");
        Name("hours", "服务时长（小时）", "Time served (hours)");
        // Rule set: the rules that are lists (the category list; other areas' lists too).
        Name("items", "清单项", "List entries");
        Name("source", "依据", "Source");
        // Teams, volunteers, activities and hours
        Name("phone", "联系电话", "Phone");
        Name("skills", "特长", "Skills");
        Name("volunteerId", "志愿者", "Volunteer");
        Name("teamId", "志愿服务队", "Team");
        Name("title", "活动名称", "Activity");
        Name("place", "地点", "Place");
        Name("startsAt", "开始时间", "Starts at");
        Name("endsAt", "结束时间", "Ends at");
        Name("quota", "名额", "Quota");
        Name("evidence", "凭证", "Evidence");
        Name("code", "现场动态码", "Code shown at the place");
        Name("checkedInAt", "签到时间", "Checked in at");
        Name("checkedOutAt", "签退时间", "Checked out at");
    }
}
