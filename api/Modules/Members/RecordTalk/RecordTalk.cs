using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Jiceng.Infrastructure.Mediation;

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
        RuleFor(c => c.Body.TalkOn).Cascade(CascadeMode.Stop).NotNull().Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("日期不能晚于今天。", "The date cannot be after today."));
        RuleFor(c => c.Body.TalkedBy).RequiredText().MaximumLength(50);
        RuleFor(c => c.Body.Override).SetValidator(new StepOverrideValidator());
    }
}

internal sealed class RecordTalkHandler(PipelineStepContext context) : ICommandHandler<RecordTalkCommand, PipelineView>
{
    // talk_on IS NULL: of two talks recorded at once, one wins and the other finds the record changed.
    private const string UpdateSql = "UPDATE members SET talk_on = @talkOn, updated_at = @now, version = version + 1\n"
        + PipelineSteps.AdvanceGuard + " AND talk_on IS NULL";

    public async ValueTask<PipelineView> Handle(RecordTalkCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var (member, rules, scope) = await context.StartAsync(command.Id, MemberStage.Applicant, cancellationToken);
        var talkOn = body.TalkOn!.Value;
        if (member.TalkOn is { } held)
        {
            throw new BusinessRuleException("talk_recorded", $"已于 {held:yyyy-MM-dd} 谈话。", $"The talk was held on {held:yyyy-MM-dd}.",
                new Dictionary<string, object?> { ["talkOn"] = held.ToString("yyyy-MM-dd") });
        }
        var appliedOn = member.AppliedOn!.Value;
        if (talkOn < appliedOn)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("talkOn",
                Localized.Text($"谈话不能早于递交申请（{appliedOn:yyyy-MM-dd}）。", $"The talk cannot come before the application ({appliedOn:yyyy-MM-dd})."))]);
        }
        PipelineSteps.EnsureMayOverride(context.Caller, body.Override);
        var latest = PipelineIntervals.TalkLatest(appliedOn);
        if (talkOn > latest && body.Override is null)
        {
            throw new BusinessRuleException("talk_too_late", $"应在收到入党申请书后一个月内谈话，最晚 {latest:yyyy-MM-dd}；补记须说明理由。",
                $"The talk is due within a month of the application, by {latest:yyyy-MM-dd}; recording a later one needs a reason.",
                new Dictionary<string, object?> { ["latestOn"] = latest.ToString("yyyy-MM-dd"), ["rule"] = "《中国共产党发展党员工作细则》第七条：党组织收到入党申请书后，应当在一个月内派人同入党申请人谈话。", ["field"] = "talkOn" });
        }
        return await context.FinishAsync(UpdateSql, new { talkOn }, member, rules, scope, PipelineStep.Talk, talkOn, new { talkedBy = body.TalkedBy!.Trim() }, body.Override,
            cancellationToken);
    }
}
