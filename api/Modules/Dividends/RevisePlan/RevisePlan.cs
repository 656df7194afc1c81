using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.RevisePlan;

/// A change to a plan the station has reviewed, that is on notice or approved: never an edit. The version changed
/// becomes Superseded (still readable, its steps and objections kept) and a new version is computed from the new
/// terms, prepared by the caller (so its approver is someone else again). Its deliberation and review records are
/// carried over, but its notice starts again: a version on notice or approved comes back to "notice not yet posted",
/// a version at the station's review stays there. Once payouts exist the plan no longer changes.
internal sealed record RevisePlanRequest(PlanTermsRequest? Terms, string? Reason, string? DocumentRef);

internal sealed record RevisePlanCommand(Guid Id, long ExpectedVersion, RevisePlanRequest Body) : ICommand<PlanView>;

internal sealed class RevisePlanValidator : AbstractValidator<RevisePlanCommand>
{
    public RevisePlanValidator()
    {
        RuleFor(c => c.Body.Terms).Cascade(CascadeMode.Stop).NotNull().SetValidator(new PlanTermsValidator()!);
        RuleFor(c => c.Body.Reason).RequiredText().MaximumLength(500);
        RuleFor(c => c.Body.DocumentRef).MaximumLength(100);
    }
}

internal sealed class RevisePlanHandler(DbSession db, PlanSteps steps) : ICommandHandler<RevisePlanCommand, PlanView>
{
    private const string SupersedeSql = """
        UPDATE dividend_plans SET stage = 'Superseded', updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND stage = @expectedStage
          AND org_path >= @from AND org_path < @to AND payouts_created_at IS NULL
        """;

    private const string LatestSql = "SELECT MAX(version_no) FROM dividend_plans WHERE plan_group_id = @groupId";

    private const string StartSql = """
        UPDATE dividend_plans SET stage = @stage, steps_done = @stepsDone, revision_reason = @reason
        WHERE id = @id
        """;

    // The deliberation steps and the station's review carry over; the notice and what followed it do not.
    private const string CarriedStepsSql = """
        SELECT step, label, occurred_on, document_ref, details, recorded_by, recorded_by_name, recorded_at
        FROM dividend_plan_steps
        WHERE plan_id = @id AND step NOT IN ('publicNotice', 'approval', 'payouts', 'revision')
        ORDER BY seq
        """;

    private const string CopyStepSql = """
        INSERT INTO dividend_plan_steps (id, plan_id, seq, step, label, occurred_on, document_ref, details,
            recorded_by, recorded_by_name, recorded_at)
        VALUES (@stepId, @planId, @seq, @step, @label, @occurredOn, @documentRef, @details, @recordedBy,
            @recordedByName, @recordedAt)
        """;

    public async ValueTask<PlanView> Handle(RevisePlanCommand command, CancellationToken cancellationToken)
    {
        var step = await steps.StartAsync(
            command.Id,
            command.ExpectedVersion,
            Enum.GetValues<PlanStage>(),
            cancellationToken
        );
        var plan = step.Plan;
        if (plan.Stage == PlanStage.Superseded)
        {
            var latest = await db.ExecuteScalarAsync<int>(
                LatestSql,
                new { groupId = plan.PlanGroupId },
                cancellationToken
            );
            throw DividendsErrors.PlanSuperseded(latest);
        }
        if (PlanRules.EditableInPlace(plan.Stage))
        {
            throw DividendsErrors.PlanChangedInPlace();
        }
        if (plan.PayoutsCreatedAt is not null)
        {
            throw DividendsErrors.PlanPayoutsExist();
        }
        var terms = command.Body.Terms!;
        if (terms.CollectiveId != plan.CollectiveId)
        {
            throw DividendsErrors.PlanRevisionCollectiveChanged();
        }
        var collective = await PlanComputation.CollectiveAsync(db, step.Scope, plan.CollectiveId, cancellationToken);
        var parts = await PlanComputation.ComputeAsync(db, collective.Id, terms, cancellationToken);
        var documentRef = string.IsNullOrWhiteSpace(command.Body.DocumentRef) ? null : command.Body.DocumentRef.Trim();
        await step.AdvanceAsync(
            SupersedeSql,
            new { },
            PlanStepCodes.Revision,
            PlanStepCodes.Label(PlanStepCodes.Revision),
            step.Today,
            documentRef,
            null,
            cancellationToken
        );
        var id = Guid.CreateVersion7();
        await PlanStore.SaveAsync(
            db,
            id,
            (plan.PlanGroupId, plan.VersionNo + 1, plan.Id),
            collective,
            terms,
            parts,
            step.Caller,
            step.Now,
            cancellationToken
        );
        await db.ExecuteAsync(
            StartSql,
            new
            {
                id,
                stage = (plan.Stage == PlanStage.Review ? PlanStage.Review : PlanStage.Notice).ToString(),
                stepsDone = plan.StepsDone,
                reason = command.Body.Reason!.Trim(),
            },
            cancellationToken
        );
        var seq = 0;
        foreach (var carried in await db.QueryAsync<StepRow>(CarriedStepsSql, new { id = plan.Id }, cancellationToken))
        {
            await db.ExecuteAsync(
                CopyStepSql,
                new
                {
                    stepId = Guid.CreateVersion7(),
                    planId = id,
                    seq = ++seq,
                    step = carried.Step,
                    label = carried.Label,
                    occurredOn = carried.OccurredOn,
                    documentRef = carried.DocumentRef,
                    details = carried.Details,
                    recordedBy = carried.RecordedBy,
                    recordedByName = carried.RecordedByName,
                    recordedAt = carried.RecordedAt,
                },
                cancellationToken
            );
        }
        await PlanStep.RecordAsync(
            db,
            id,
            PlanStepCodes.Revision,
            PlanStepCodes.Label(PlanStepCodes.Revision),
            step.Today,
            documentRef,
            null,
            step.Caller,
            step.Now,
            cancellationToken
        );
        var saved = await PlanRecords.FindAsync(db, step.Scope, id, cancellationToken);
        return await PlanRecords.ViewAsync(db, saved, step.Rules, cancellationToken);
    }

    private sealed record StepRow
    {
        public string Step { get; init; } = "";
        public string Label { get; init; } = "";
        public DateOnly OccurredOn { get; init; }
        public string? DocumentRef { get; init; }
        public string? Details { get; init; }
        public Guid? RecordedBy { get; init; }
        public string RecordedByName { get; init; } = "";
        public DateTimeOffset RecordedAt { get; init; }
    }
}
