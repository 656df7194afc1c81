using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Assistance.Domain;

/// <summary>What a ledger entry records. Amounts are signed: money in is positive, money out negative.</summary>
internal enum LedgerEntryKind
{
    [Label("资金收入", "Income")]
    Income,

    [Label("上级下拨", "Allocation received")]
    AllocationIn,

    [Label("向下级下拨", "Allocation down")]
    AllocationOut,

    [Label("帮扶支出", "Disbursement")]
    Disbursement,

    [Label("冲正", "Reversal")]
    Reversal,

    [Label("调整", "Adjustment")]
    Adjustment,
}

/// <summary>Where money came from, kept apart (the fund's statement shows each).</summary>
internal enum FundSource
{
    [Label("上级下拨", "Allocation from above")]
    AllocationFromAbove,

    [Label("党费划拨", "Share of party dues")]
    DuesShare,

    [Label("特殊党费", "Special party dues")]
    SpecialDues,

    [Label("捐赠", "Donations")]
    Donation,

    [Label("利息", "Interest")]
    Interest,
}

/// <summary>
/// What a payment to a person was for; the yearly cap per person counts all of them (fund aid, visit money,
/// condolence).
/// </summary>
internal enum PaymentKind
{
    [Label("帮扶救助", "Aid")]
    Aid,

    [Label("走访慰问", "Visit")]
    Visit,

    [Label("抚恤慰问", "Condolence")]
    Condolence,
}

/// <summary>The state of a hold an approval places on a fund.</summary>
internal enum HoldStatus
{
    [Label("预留中", "Held")]
    Active,

    [Label("已支付", "Paid")]
    Paid,

    [Label("已释放", "Released")]
    Released,
}
