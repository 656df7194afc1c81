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
        RuleFor(c => c.Body.ConvertedOn).Cascade(CascadeMode.Stop).NotNull().Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("日期不能晚于今天。", "The date cannot be after today."));
        RuleFor(c => c.Body.Override).SetValidator(new StepOverrideValidator());
    }
}

internal sealed class ConvertToFullMemberHandler(PipelineStepContext context) : ICommandHandler<ConvertToFullMemberCommand, PipelineView>
{
    private const string UpdateSql = "UPDATE members SET stage = 'Full', full_member_on = @convertedOn, updated_at = @now, version = version + 1\n"
        + PipelineSteps.AdvanceGuard;

    public async ValueTask<PipelineView> Handle(ConvertToFullMemberCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var (member, rules, scope) = await context.StartAsync(command.Id, MemberStage.Probationary, cancellationToken);
        var convertedOn = body.ConvertedOn!.Value;
        PipelineSteps.EnsureNotEarly(context.Caller, body.Override, convertedOn, PipelineIntervals.Conversion(member.ProbationEndsOn(rules.ProbationMonths.Value)!.Value, rules));
        return await context.FinishAsync(UpdateSql,
            new { convertedOn },
            member, rules, scope, PipelineStep.Conversion, convertedOn, new { }, body.Override, cancellationToken);
    }
}
