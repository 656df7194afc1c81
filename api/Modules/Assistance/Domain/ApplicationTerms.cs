using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Assistance.Domain;

/// <summary>Where an application stands. Each step moves it on by one conditional UPDATE.</summary>
internal enum ApplicationStatus
{
    [Label("待支部评议", "Awaiting the branch review")]
    Submitted,

    [Label("公示中/待审批", "In notice, awaiting approval")]
    Reviewed,

    [Label("待区级审批", "Awaiting the district's approval")]
    StreetApproved,

    [Label("已批准待支付", "Approved, awaiting payment")]
    Approved,

    [Label("已支付待确认", "Paid, awaiting confirmation")]
    Paid,

    [Label("已确认收到", "Receipt confirmed")]
    Confirmed,

    [Label("未通过", "Rejected")]
    Rejected,

    [Label("已撤回", "Cancelled")]
    Cancelled,
}

/// <summary>Who approves: the amount decides (the region's threshold).</summary>
internal enum ApprovalTier
{
    [Label("街道（乡镇）党（工）委", "Street committee")]
    Street,

    [Label("区（县）委组织部", "District organization department")]
    District,
}

internal enum PaymentMethod
{
    [Label("银行转账", "Bank transfer")]
    BankTransfer,

    [Label("现金（签收）", "Cash with a signed receipt")]
    Cash,

    [Label("实物", "Goods")]
    Goods,
}

/// <summary>What a follow-up visit to a sampled recipient found.</summary>
internal enum FollowUpOutcome
{
    [Label("已收到", "Received")]
    Received,

    [Label("未收到", "Not received")]
    NotReceived,

    [Label("收到但有问题", "Received with issues")]
    ReceivedWithIssues,
}
