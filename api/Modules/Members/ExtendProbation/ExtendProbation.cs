using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Members.Domain;
using Mediator;

namespace Jiceng.Modules.Members.ExtendProbation;

/// <summary>延长预备期: once only, by the region's minimum to maximum months (the Constitution: six months to a year).</summary>
internal sealed record ExtendProbationRequest(DateOnly? DecidedOn, int? Months, string? Reason);

internal sealed record ExtendProbationCommand(Guid Id, ExtendProbationRequest Body) : ICommand<PipelineView>;

internal sealed class ExtendProbationValidator : AbstractValidator<ExtendProbationCommand>
{
    public ExtendProbationValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.DecidedOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("日期不能晚于今天。", "The date cannot be after today."));
        RuleFor(c => c.Body.Months).NotNull().InclusiveBetween(1, 60);
        RuleFor(c => c.Body.Reason).RequiredText().MaximumLength(500);
    }
}

internal sealed class ExtendProbationHandler(MemberSteps steps) : ICommandHandler<ExtendProbationCommand, PipelineView>
{
    // "extension_months IS NULL" keeps it to one extension even when two requests race.
    private const string AdvanceSql = """
        UPDATE members SET extension_months = @months, updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND stage = @expectedStage AND status = 'Active'
          AND org_path >= @from AND org_path < @to
          AND extension_months IS NULL
        """;

    public async ValueTask<PipelineView> Handle(ExtendProbationCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var step = await steps.StartAsync(command.Id, MemberStage.Probationary, null, cancellationToken);
        var decidedOn = body.DecidedOn!.Value;
        step.EnsureDuringProbation(decidedOn);
        if (step.Member.ExtensionMonths is not null)
        {
            throw MemberErrors.AlreadyExtended(step.Rules.ExtensionMaxMonths);
        }
        var months = body.Months!.Value;
        var (least, most) = (step.Rules.ExtensionMinMonths, step.Rules.ExtensionMaxMonths);
        if (!PipelineRules.ExtensionInRange(months, least.Value, most.Value))
        {
            throw MemberErrors.ExtensionOutOfRange(least, most);
        }
        return await step.AdvanceAsync(
            AdvanceSql,
            new { months },
            PipelineStep.Extension,
            decidedOn,
            new { months, reason = body.Reason },
            cancellationToken
        );
    }
}
