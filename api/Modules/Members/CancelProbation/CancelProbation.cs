using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Members.Domain;
using Mediator;

namespace Jiceng.Modules.Members.CancelProbation;

/// <summary>取消预备党员资格: the qualification is cancelled; the record stays, with status Cancelled.</summary>
internal sealed record CancelProbationRequest(DateOnly? DecidedOn, string? Reason);

internal sealed record CancelProbationCommand(Guid Id, CancelProbationRequest Body) : ICommand<PipelineView>;

internal sealed class CancelProbationValidator : AbstractValidator<CancelProbationCommand>
{
    public CancelProbationValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.DecidedOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("日期不能晚于今天。", "The date cannot be after today."));
        RuleFor(c => c.Body.Reason).RequiredText().MaximumLength(500);
    }
}

internal sealed class CancelProbationHandler(MemberSteps steps) : ICommandHandler<CancelProbationCommand, PipelineView>
{
    private const string AdvanceSql = """
        UPDATE members SET status = 'Cancelled', updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND stage = @expectedStage AND status = 'Active'
          AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<PipelineView> Handle(CancelProbationCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var step = await steps.StartAsync(command.Id, MemberStage.Probationary, null, cancellationToken);
        var decidedOn = body.DecidedOn!.Value;
        step.EnsureDuringProbation(decidedOn);
        return await step.AdvanceAsync(
            AdvanceSql,
            new { },
            PipelineStep.Cancellation,
            decidedOn,
            new { reason = body.Reason },
            cancellationToken
        );
    }
}
