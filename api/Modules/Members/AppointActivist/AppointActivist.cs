using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Members.Domain;
using Mediator;

namespace Jiceng.Modules.Members.AppointActivist;

/// <summary>入党积极分子: decided by the branch committee, with one or two cultivation contacts (培养联系人).</summary>
internal sealed record AppointActivistRequest(
    DateOnly? DecidedOn,
    IReadOnlyList<string>? CultivationContacts,
    StepOverride? Override
);

internal sealed record AppointActivistCommand(Guid Id, AppointActivistRequest Body) : ICommand<PipelineView>;

internal sealed class AppointActivistValidator : AbstractValidator<AppointActivistCommand>
{
    public AppointActivistValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.DecidedOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("日期不能晚于今天。", "The date cannot be after today."));
        RuleFor(c => c.Body.CultivationContacts)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(c => c is { Count: 1 or 2 })
            .WithMessage(_ => Localized.Text("须确定 1 至 2 名培养联系人。", "Name one or two cultivation contacts."));
        RuleForEach(c => c.Body.CultivationContacts).RequiredText().MaximumLength(50);
        RuleFor(c => c.Body.Override).SetValidator(new StepOverrideValidator());
    }
}

internal sealed class AppointActivistHandler(MemberSteps steps) : ICommandHandler<AppointActivistCommand, PipelineView>
{
    private const string AdvanceSql = """
        UPDATE members SET stage = 'Activist', activist_on = @decidedOn, updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND stage = @expectedStage AND status = 'Active'
          AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<PipelineView> Handle(AppointActivistCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var step = await steps.StartAsync(command.Id, MemberStage.Applicant, body.Override, cancellationToken);
        var decidedOn = body.DecidedOn!.Value;
        var interval = PipelineIntervals.Activist(step.Member.AppliedOn!.Value, step.Rules);
        step.EnsureNotEarly("decidedOn", decidedOn, interval);
        return await step.AdvanceAsync(
            AdvanceSql,
            new { decidedOn },
            PipelineStep.Activist,
            decidedOn,
            new { cultivationContacts = body.CultivationContacts },
            cancellationToken
        );
    }
}
