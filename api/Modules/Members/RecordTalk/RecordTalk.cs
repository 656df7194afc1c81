using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Members.Domain;
using Mediator;

namespace Jiceng.Modules.Members.RecordTalk;

/// <summary>
/// 入党谈话: the organization talks with an applicant within a month of the application (《中国共产党发展党员工作细则》
/// 第七条) and records who held it. Once per applicant; a talk later than the month needs an override with a reason.
/// </summary>
internal sealed record RecordTalkRequest(DateOnly? TalkOn, string? TalkedBy, StepOverride? Override);

internal sealed record RecordTalkCommand(Guid Id, RecordTalkRequest Body) : ICommand<PipelineView>;

internal sealed class RecordTalkValidator : AbstractValidator<RecordTalkCommand>
{
    public RecordTalkValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.TalkOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("日期不能晚于今天。", "The date cannot be after today."));
        RuleFor(c => c.Body.TalkedBy).RequiredText().MaximumLength(50);
        RuleFor(c => c.Body.Override).SetValidator(new StepOverrideValidator());
    }
}

internal sealed class RecordTalkHandler(MemberSteps steps) : ICommandHandler<RecordTalkCommand, PipelineView>
{
    // talk_on IS NULL: of two talks recorded at once, one wins and the other finds the record changed.
    private const string AdvanceSql = """
        UPDATE members SET talk_on = @talkOn, updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND stage = @expectedStage AND status = 'Active'
          AND org_path >= @from AND org_path < @to
          AND talk_on IS NULL
        """;

    public async ValueTask<PipelineView> Handle(RecordTalkCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var step = await steps.StartAsync(command.Id, MemberStage.Applicant, body.Override, cancellationToken);
        var talkOn = body.TalkOn!.Value;
        if (step.Member.TalkOn is { } held)
        {
            throw MemberErrors.TalkRecorded(held);
        }
        var appliedOn = step.Member.AppliedOn!.Value;
        if (talkOn < appliedOn)
        {
            throw MemberErrors.TalkBeforeApplication(appliedOn);
        }
        step.EnsureMayOverride();
        var latest = PipelineRules.TalkLatest(appliedOn);
        if (talkOn > latest && body.Override is null)
        {
            throw MemberErrors.TalkTooLate(latest);
        }
        return await step.AdvanceAsync(
            AdvanceSql,
            new { talkOn },
            PipelineStep.Talk,
            talkOn,
            new { talkedBy = body.TalkedBy!.Trim() },
            cancellationToken
        );
    }
}
