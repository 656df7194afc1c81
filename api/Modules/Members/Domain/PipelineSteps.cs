using System.Text.Json;
using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Members.Domain;

internal enum PipelineStep
{
    [Label("递交入党申请", "Applied")]
    Application,

    [Label("入党谈话", "Talk held")]
    Talk,

    [Label("确定为入党积极分子", "Became an activist")]
    Activist,

    [Label("确定为发展对象", "Became a development candidate")]
    Candidate,

    [Label("接收为预备党员", "Admitted as probationary member")]
    Admission,

    [Label("转为正式党员", "Became a full member")]
    Conversion,

    [Label("延长预备期", "Probation extended")]
    Extension,

    [Label("取消预备党员资格", "Qualification cancelled")]
    Cancellation,

    [Label("转正表决未通过", "Conversion vote failed")]
    ConversionRejected,

    [Label("延长预备期表决未通过", "Extension vote failed")]
    ExtensionRejected,

    [Label("取消资格表决未通过", "Cancellation vote failed")]
    CancellationRejected,
}

/// <summary>
/// An override of a time rule: a reason, given by a caller who holds members.override (audited with the step).
/// </summary>
internal sealed record StepOverride(string? Reason);

internal sealed class StepOverrideValidator : AbstractValidator<StepOverride?>
{
    public StepOverrideValidator() =>
        // No When(o => o is not null): a child validator never sees a missing override, and an unconditional rule is
        // what the OpenAPI document reads as required.
        RuleFor(o => o!.Reason)
            .RequiredText(5)
            .WithMessage(_ => ReasonMessage)
            .MaximumLength(200)
            .WithMessage(_ => ReasonMessage);

    private static string ReasonMessage =>
        Localized.Text("破格办理须填写 5 到 200 字的理由。", "An override needs a reason of 5 to 200 characters.");
}

/// <summary>One step as history: what happened, on which day, its particulars, and the reason of an override.</summary>
internal sealed record StepHistory(
    PipelineStep Step,
    DateOnly OccurredOn,
    object Details,
    StepOverride? Override = null
);

/// <summary>The steps as history (member_steps), and who may override a time rule.</summary>
internal static class PipelineSteps
{
    private const string InsertStepSql = """
        INSERT INTO member_steps (id, member_id, step, occurred_on, details, override_reason, recorded_by, created_at)
        VALUES (@id, @memberId, @step, @occurredOn, @details, @overrideReason, @recordedBy, @now)
        """;

    private static readonly JsonSerializerOptions Json = InfrastructureSetup.CreateJsonOptions();

    public static Task RecordAsync(
        DbSession db,
        Guid memberId,
        StepHistory history,
        Guid? recordedBy,
        DateTimeOffset now,
        CancellationToken cancellationToken
    ) =>
        RecordAsync(
            db,
            memberId,
            history.Step,
            history.OccurredOn,
            history.Details,
            history.Override,
            recordedBy,
            now,
            cancellationToken
        );

    public static async Task RecordAsync(
        DbSession db,
        Guid memberId,
        PipelineStep step,
        DateOnly occurredOn,
        object details,
        StepOverride? overridden,
        Guid? recordedBy,
        DateTimeOffset now,
        CancellationToken cancellationToken
    ) =>
        await db.ExecuteAsync(
            InsertStepSql,
            new
            {
                id = Guid.CreateVersion7(),
                memberId,
                step = step.ToString(),
                occurredOn,
                details = JsonSerializer.Serialize(details, Json),
                overrideReason = overridden?.Reason?.Trim(),
                recordedBy,
                now,
            },
            cancellationToken
        );

    /// <summary>
    /// Only a holder of members.override may override a rule; an override from anyone else is 403 whether or not it was
    /// needed.
    /// </summary>
    public static void EnsureMayOverride(Caller caller, StepOverride? overridden)
    {
        if (overridden is not null && !caller.Has(Permissions.MembersOverride))
        {
            throw new ForbiddenException(Permissions.MembersOverride);
        }
    }
}
