using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.ReviewPlan;

/// The township rural-economy station (农经站) reviews the resolved plan; then it goes on public notice.
internal sealed record ReviewPlanRequest(DateOnly? ReviewedOn, string? DocumentRef);

internal sealed record ReviewPlanCommand(Guid Id, long ExpectedVersion, ReviewPlanRequest Body) : ICommand<PlanView>;

internal sealed class ReviewPlanValidator : AbstractValidator<ReviewPlanCommand>
{
    public ReviewPlanValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.ReviewedOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("日期不能晚于今天。", "The date cannot be after today."));
        RuleFor(c => c.Body.DocumentRef).RequiredText().MaximumLength(100);
    }
}

internal sealed class ReviewPlanHandler(PlanSteps steps) : ICommandHandler<ReviewPlanCommand, PlanView>
{
    private const string AdvanceSql = """
        UPDATE dividend_plans SET stage = 'Notice', updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND stage = @expectedStage
          AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<PlanView> Handle(ReviewPlanCommand command, CancellationToken cancellationToken)
    {
        var step = await steps.StartAsync(command.Id, command.ExpectedVersion, [PlanStage.Review], cancellationToken);
        step.EnsureNotPreparer();
        await step.AdvanceAsync(
            AdvanceSql,
            new { },
            PlanStepCodes.Review,
            PlanStepCodes.Label(PlanStepCodes.Review),
            command.Body.ReviewedOn!.Value,
            command.Body.DocumentRef!.Trim(),
            null,
            cancellationToken
        );
        return await step.ViewAsync(cancellationToken);
    }
}
