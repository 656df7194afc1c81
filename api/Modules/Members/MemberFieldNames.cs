using Jiceng.Infrastructure.Mediation;
using Jiceng.Modules.Members.ListMemberLists;
using Jiceng.Modules.Members.ListTransfers;
using Jiceng.Modules.Members.RecordHardship;
using Jiceng.Modules.Members.RecordMedal;
using Jiceng.Modules.Members.RecordMeeting;

namespace Jiceng.Modules.Members;

/// <summary>
/// The Members module's request fields as its forms label them, in the words of the 党内统计 and 发展党员 documents
/// (公民身份号码, 工作岗位, 确定为发展对象).
/// </summary>
internal sealed class MemberFieldNames : FieldNameCatalog
{
    public MemberFieldNames()
    {
        Name("name", "姓名", "Name");
        Name("gender", "性别", "Gender");
        Name("ethnicity", "民族", "Ethnicity");
        Name("occupation", Domain.MemberSheets.Occupation.Chinese, Domain.MemberSheets.Occupation.English);
        Name("education", "学历", "Education");
        Name("category", "人员类别", "Category");
        Name("idNumber", Domain.MemberSheets.IdNumber.Chinese, Domain.MemberSheets.IdNumber.English);
        Name("phone", "联系电话", "Phone");
        Name("birthDate", "出生日期", "Date of birth");
        Name("organizationId", "所在党组织", "Organization");
        Name("stage", "发展阶段", "Stage");
        Name("status", "党籍状态", "Status");
        Name("appliedOn", "申请入党日期", "Application date");
        Name("talkOn", "谈话日期", "Talk date");
        Name("talkedBy", "谈话人", "Interviewer");
        Name("activistOn", "确定为入党积极分子日期", "Activist date");
        Name("candidateOn", "确定为发展对象日期", "Candidate date");
        Name("joinedOn", "入党日期", "Join date");
        Name("fullMemberOn", "转正日期", "Full membership date");
        Name("decidedOn", "决定日期", "Decision date");
        Name("override", "例外情况", "Exception");
        Name("reason", "理由", "Reason");
        Name("cultivationContacts", "培养联系人", "Cultivation contacts");
        Name("introducerIds", "入党介绍人", "Introducers");
        Name("politicalReviewOn", "政治审查日期", "Political review date");
        Name("trainingHours", "集中培训学时", "Training hours");
        Name("noticeFrom", "公示开始日期", "Notice start");
        Name("noticeTo", "公示结束日期", "Notice end");
        Name("voteOn", "支部大会日期", "Branch meeting date");
        Name("preReviewedOn", "上级党委预审日期", "Pre-review date");
        Name("entitledVoters", "有表决权的正式党员人数", "Members entitled to vote");
        Name("votesFor", "赞成票数", "Votes for");
        Name("approvedOn", "审批日期", "Approval date");
        Name("approvedBy", "审批党组织", "Approved by");
        Name("meetingOn", "支部大会日期", "Branch meeting date");
        Name("attended", "实到会有表决权的正式党员人数", "Members entitled to vote who attended");
        Name("months", "延长月数", "Months of extension");
        Name("diedOn", "去世日期", "Date of death");
        Name("heldOn", "会议日期", "Meeting date");
        Name("topic", "议题", "Topic");
        Name("attendeeIds", "参会党员", "Attendees");
        Name("since", "开始日期", "Start date");
        Name("until", "结束日期", "End date");
        Name("notes", "备注", "Notes");
        Name("field", "查看项", "Field to reveal");
        Name("hardshipId", "困难记录", "Hardship record");
        Name("toOrganizationId", "接收党组织", "Receiving organization");
        Name("toExternal", "系统外接收单位", "Receiving body outside the system");
        Name("letterNumber", "介绍信编号", "Letter number");
        Name("issuedOn", "开具日期", "Issue date");
        Name("receivedOn", "回执日期", "Receipt date");
        Name("withdrawnOn", "撤回日期", "Withdrawal date");
        Name("communityOrganizationId", "报到社区党组织", "Community organization");
        Name("reportedOn", "报到日期", "Report date");
        Name("revealReason", "查看理由", "Reason for viewing");
        Name("ageFrom", "最小年龄", "Minimum age");
        Name("ageTo", "最大年龄", "Maximum age");
        Name("joinYear", "入党年份", "Join year");
        Name("admittedYear", "发展年份", "Year admitted");
        Name("direction", "转接方向", "Direction");
        Name("kind", "名单", "List");
        Name("year", "年份", "Year");
        Name("month", "月份", "Month");
        Name("withinDays", "天数", "Within days");
        Name<RecordMeetingCommand>("kind", "会议类型", "Meeting type");
        Name<RecordHardshipCommand>("category", "困难类型", "Hardship type");
        Name<ListTransfersQuery>("status", "转接状态", "Transfer status");
        Name<ListMemberListsQuery>("kind", "名单", "List");
        Name<RecordMedalCommand>("year", "颁发年度", "Year given");
        Name("awardedBy", "颁发单位", "Given by");
    }
}
