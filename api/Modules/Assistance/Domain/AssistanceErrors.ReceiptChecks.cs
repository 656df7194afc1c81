using Jiceng.Infrastructure.Http;

namespace Jiceng.Modules.Assistance.Domain;

/// <summary>Refusals of the receipt checks (a random sample of paid applications visited afterwards).</summary>
internal static partial class AssistanceErrors
{
    public static BusinessRuleException NotSampled() =>
        new(
            "not_sampled",
            "该申请未被抽中回访，不能登记回访结果。",
            "This application was not drawn for a follow-up visit.",
            new Dictionary<string, object?> { ["field"] = "outcome" }
        );

    public static BusinessRuleException FollowUpRecorded() =>
        new(
            "follow_up_recorded",
            "该申请的回访结果已登记。",
            "The follow-up visit of this application is already recorded.",
            new Dictionary<string, object?> { ["field"] = "outcome" }
        );
}
