using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Jiceng.Infrastructure.Mediation;

namespace Jiceng.Modules.Members.ExtendProbation;

/// <summary>延长预备期: once only, by the region's minimum to maximum months (the Constitution: six months to a year).</summary>
internal sealed record ExtendProbationRequest(DateOnly? DecidedOn, int? Months, string? Reason);

internal sealed record ExtendProbationCommand(Guid Id, ExtendProbationRequest Body) : ICommand<PipelineView>;

internal sealed class ExtendProbationValidator : AbstractValidator<ExtendProbationCommand>
{
    public ExtendProbationValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.DecidedOn).Cascade(CascadeMode.Stop).NotNull().Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("日期不能晚于今天。", "The date cannot be after today."));
        RuleFor(c => c.Body.Months).NotNull().InclusiveBetween(1, 60);
        RuleFor(c => c.Body.Reason).RequiredText().MaximumLength(500);
    }
}

internal sealed class ExtendProbationHandler(PipelineStepContext context) : ICommandHandler<ExtendProbationCommand, PipelineView>
{
    // "extension_months IS NULL" keeps it to one extension even when two requests race.
    private const string UpdateSql = "UPDATE members SET extension_months = @months, updated_at = @now, version = version + 1\n"
        + PipelineSteps.AdvanceGuard + " AND extension_months IS NULL";

    public async ValueTask<PipelineView> Handle(ExtendProbationCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var (member, rules, scope) = await context.StartAsync(command.Id, MemberStage.Probationary, cancellationToken);
        PipelineSteps.EnsureDuringProbation(member, body.DecidedOn!.Value);
        if (member.ExtensionMonths is not null)
        {
            throw PipelineErrors.Rule("already_extended", rules.ExtensionMaxMonths.Source, "预备期只能延长一次。", "Probation can be extended only once.");
        }
        var months = body.Months!.Value;
        if (months < rules.ExtensionMinMonths.Value || months > rules.ExtensionMaxMonths.Value)
        {
            throw PipelineErrors.Rule("extension_out_of_range", rules.ExtensionMaxMonths.Source,
                $"预备期延长 {rules.ExtensionMinMonths.Value} 至 {rules.ExtensionMaxMonths.Value} 个月。",
                $"Probation is extended by {rules.ExtensionMinMonths.Value} to {rules.ExtensionMaxMonths.Value} months.");
        }
        return await context.FinishAsync(UpdateSql,
            new { months },
            member, rules, scope, PipelineStep.Extension, body.DecidedOn!.Value, new { months, reason = body.Reason }, null, cancellationToken);
    }
}
