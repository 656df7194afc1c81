using FluentValidation;
using FluentValidation.Results;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Assistance.Domain;

/// <summary>
/// Every refusal of the Assistance module, with its stable code and both languages. Partial: each area (visits,
/// pairings, the hardship ledger) adds its refusals in its own file <c>AssistanceErrors.&lt;Area&gt;.cs</c>.
/// </summary>
internal static partial class AssistanceErrors
{
    /// <summary>The fund cannot pay (or reserve) the amount: what is free is the balance less what approvals hold.
    /// </summary>
    public static BusinessRuleException FundInsufficient(Money requested, Money available) =>
        new(
            "fund_insufficient",
            $"帮扶资金余额不足：可用 {available} 元（已扣除审批预留），本次需要 {requested} 元。",
            $"The fund cannot pay this: {available} yuan is available (after approved amounts held), "
                + $"{requested} yuan is needed.",
            new Dictionary<string, object?> { ["requested"] = requested, ["available"] = available }
        );

    public static BusinessRuleException FundExists() =>
        new(
            "fund_exists",
            "该党组织已设立帮扶资金。",
            "This organization already has a care fund.",
            new Dictionary<string, object?> { ["field"] = "organizationId" }
        );

    public static BusinessRuleException EntryAlreadyReversed() =>
        new(
            "entry_already_reversed",
            "该笔记账已冲正过，不能再次冲正。",
            "This ledger entry has already been reversed.",
            new Dictionary<string, object?> { ["field"] = "entryId" }
        );

    public static BusinessRuleException EntryNotReversible(LedgerEntryKind kind) =>
        new(
            "entry_not_reversible",
            $"「{Labels.Of(kind).Chinese}」类记账不能直接冲正。",
            $"An entry of kind {Labels.Of(kind).English} cannot be reversed here.",
            new Dictionary<string, object?> { ["kind"] = kind, ["field"] = "entryId" }
        );

    public static BusinessRuleException NotDirectlyBelow() =>
        new(
            "fund_not_below",
            "只能向直接下级党组织的帮扶资金下拨。",
            "Allocations go to a fund directly below this one.",
            new Dictionary<string, object?> { ["field"] = "toFundId" }
        );

    public static BusinessRuleException HoldNotActive() =>
        new(
            "hold_not_active",
            "该笔预留资金已支付或已释放。",
            "This reserved amount has already been paid or released."
        );

    /// <summary>A referenced organization, member or fund that does not exist or lies outside the scope: 400 on its
    /// field, so a form shows it there.</summary>
    public static ValidationException NotFoundOnField(string field) =>
        new([
            new ValidationFailure(
                field,
                Localized.Text("找不到所选对象，或不在您的管理范围内。", "Not found, or outside what you manage.")
            ),
        ]);
}
