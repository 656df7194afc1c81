using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.ApprovePlan;

/// Approval after the notice has run its days with every objection answered and closed; never by the preparer.
internal sealed record ApprovePlanRequest(DateOnly? ApprovedOn, string? DocumentRef);

internal sealed record ApprovePlanCommand(Guid Id, long ExpectedVersion, ApprovePlanRequest Body) : ICommand<PlanView>;

internal sealed class ApprovePlanValidator : AbstractValidator<ApprovePlanCommand>
{
    public ApprovePlanValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.ApprovedOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("日期不能晚于今天。", "The date cannot be after today."));
        RuleFor(c => c.Body.DocumentRef).RequiredText().MaximumLength(100);
    }
}

internal sealed class ApprovePlanHandler(PlanSteps steps) : ICommandHandler<ApprovePlanCommand, PlanView>
{
    // The objections' state is part of the guard: an objection recorded after the check still blocks.
    private const string AdvanceSql = """
        UPDATE dividend_plans SET stage = 'Approved', approved_by_name = @approver, approved_at = @now,
            updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND stage = @expectedStage
          AND org_path >= @from AND org_path < @to AND notice_ends_on < @approvedOn
          AND NOT EXISTS (SELECT 1 FROM dividend_plan_objections o WHERE o.plan_id = @id AND o.status <> 'Closed')
        """;

    public async ValueTask<PlanView> Handle(ApprovePlanCommand command, CancellationToken cancellationToken)
    {
        var step = await steps.StartAsync(command.Id, command.ExpectedVersion, [PlanStage.Notice], cancellationToken);
        step.EnsureNotPreparer();
        var approvedOn = command.Body.ApprovedOn!.Value;
        if (step.Plan.NoticeEndsOn is not { } endsOn)
        {
            throw DividendsErrors.PlanWrongStage(step.Plan.Stage, PlanStage.Notice);
        }
        if (!PlanRules.NoticeOver(endsOn, approvedOn))
        {
            throw DividendsErrors.PlanNoticeRunning(endsOn);
        }
        var open = await step.OpenObjectionsAsync(cancellationToken);
        if (open > 0)
        {
            throw DividendsErrors.PlanObjectionsOpen(open);
        }
        await step.AdvanceAsync(
            AdvanceSql,
            new { approver = step.Caller.ShownName, approvedOn },
            PlanStepCodes.Approval,
            PlanStepCodes.Label(PlanStepCodes.Approval),
            approvedOn,
            command.Body.DocumentRef!.Trim(),
            null,
            cancellationToken
        );
        return await step.ViewAsync(cancellationToken);
    }
}
