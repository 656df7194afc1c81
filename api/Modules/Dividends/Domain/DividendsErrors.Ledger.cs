using FluentValidation;
using FluentValidation.Results;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Http;

namespace Jiceng.Modules.Dividends.Domain;

/// New versions of a plan, and the payout ledger after the payouts exist (failures, re-issues, reversals, the bank's
/// batch and result files).
internal static partial class DividendsErrors
{
    public static ValidationException PlanRevisionCollectiveChanged() =>
        new([
            new ValidationFailure(
                "terms.collectiveId",
                Localized.Text(
                    "新版本须属于原方案的集体经济组织；其他组织请另编方案。",
                    "A new version belongs to the plan's own collective; prepare a new plan for another."
                )
            ),
        ]);

    public static BusinessRuleException PlanSuperseded(int versionNo) =>
        new(
            "plan_superseded",
            $"该版本已被第 {versionNo} 版取代，只能在最新版本上修改。",
            $"This version was replaced by version {versionNo}; change the latest version.",
            new Dictionary<string, object?> { ["versionNo"] = versionNo }
        );

    public static BusinessRuleException PayoutNotReversible(string kind) =>
        new(
            "payout_not_reversible",
            "冲正记录本身不能再冲正。",
            "A reversal cannot itself be reversed.",
            new Dictionary<string, object?> { ["kind"] = kind }
        );

    public static ValidationException BankResultUnreadable() =>
        new([
            new ValidationFailure(
                "file",
                Localized.Text(
                    "无法读取银行回盘文件，请上传 .xlsx 或 .csv，首行须有“付款编号”和“处理结果”列。",
                    "The bank's result file cannot be read: upload an .xlsx or .csv whose first row names the "
                        + "payout number and result columns."
                )
            ),
        ]);

    public static ValidationException BankResultTooLarge(int max) =>
        new([
            new ValidationFailure(
                "file",
                Localized.Text(
                    $"回盘文件一次最多 {max} 行，请分批上传。",
                    $"At most {max} rows in one result file; split it."
                )
            ),
        ]);
}
