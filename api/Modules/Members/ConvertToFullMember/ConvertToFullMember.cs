using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Members.Domain;
using Mediator;

namespace Jiceng.Modules.Members.ConvertToFullMember;

/// <summary>转正: at the end of probation (a year from the vote, plus any extension); party standing counts from here.</summary>
internal sealed record ConvertToFullMemberRequest(DateOnly? ConvertedOn, StepOverride? Override);

internal sealed record ConvertToFullMemberCommand(Guid Id, ConvertToFullMemberRequest Body) : ICommand<PipelineView>;

internal sealed class ConvertToFullMemberValidator : AbstractValidator<ConvertToFullMemberCommand>
{
    public ConvertToFullMemberValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.ConvertedOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("日期不能晚于今天。", "The date cannot be after today."));
        RuleFor(c => c.Body.Override).SetValidator(new StepOverrideValidator());
    }
}

internal sealed class ConvertToFullMemberHandler(MemberSteps steps)
    : ICommandHandler<ConvertToFullMemberCommand, PipelineView>
{
    private const string AdvanceSql = """
        UPDATE members SET stage = 'Full', full_member_on = @convertedOn, updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND stage = @expectedStage AND status = 'Active'
          AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<PipelineView> Handle(ConvertToFullMemberCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var step = await steps.StartAsync(command.Id, MemberStage.Probationary, body.Override, cancellationToken);
        var convertedOn = body.ConvertedOn!.Value;
        var probationEndsOn = step.Member.ProbationEndsOn(step.Rules.ProbationMonths.Value)!.Value;
        step.EnsureNotEarly("convertedOn", convertedOn, PipelineIntervals.Conversion(probationEndsOn, step.Rules));
        return await step.AdvanceAsync(
            AdvanceSql,
            new { convertedOn },
            PipelineStep.Conversion,
            convertedOn,
            new { },
            cancellationToken
        );
    }
}
