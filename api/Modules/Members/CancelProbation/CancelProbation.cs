using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Jiceng.Infrastructure.Mediation;

namespace Jiceng.Modules.Members.CancelProbation;

/// <summary>取消预备党员资格: the qualification is cancelled; the record stays, with status Cancelled.</summary>
internal sealed record CancelProbationRequest(DateOnly? DecidedOn, string? Reason);

internal sealed record CancelProbationCommand(Guid Id, CancelProbationRequest Body) : ICommand<PipelineView>;

internal sealed class CancelProbationValidator : AbstractValidator<CancelProbationCommand>
{
    public CancelProbationValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.DecidedOn).Cascade(CascadeMode.Stop).NotNull().Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("日期不能晚于今天。", "The date cannot be after today."));
        RuleFor(c => c.Body.Reason).RequiredText().MaximumLength(500);
    }
}

internal sealed class CancelProbationHandler(PipelineStepContext context) : ICommandHandler<CancelProbationCommand, PipelineView>
{
    private const string UpdateSql = "UPDATE members SET status = 'Cancelled', updated_at = @now, version = version + 1\n" + PipelineSteps.AdvanceGuard;

    public async ValueTask<PipelineView> Handle(CancelProbationCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var (member, rules, scope) = await context.StartAsync(command.Id, MemberStage.Probationary, cancellationToken);
        PipelineSteps.EnsureDuringProbation(member, body.DecidedOn!.Value);
        return await context.FinishAsync(UpdateSql, new { },
            member, rules, scope, PipelineStep.Cancellation, body.DecidedOn!.Value, new { reason = body.Reason }, null, cancellationToken);
    }
}
