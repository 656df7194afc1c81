using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.RecordPlanStep;

internal sealed record AssemblyVoteRequest(
    AssemblyBody? Body,
    int? Entitled,
    int? Present,
    int? InFavour,
    int? Against,
    int? Abstaining
);

/// One of the region's deliberation steps (四议 by default), in its order; a step taken at a meeting brings its
/// attendance and votes, checked against the region's quorum and majority.
internal sealed record RecordPlanStepRequest(
    string? Step,
    DateOnly? OccurredOn,
    string? DocumentRef,
    AssemblyVoteRequest? Vote
);

internal sealed record RecordPlanStepCommand(Guid Id, long ExpectedVersion, RecordPlanStepRequest Body)
    : ICommand<PlanView>;

internal sealed class RecordPlanStepValidator : AbstractValidator<RecordPlanStepCommand>
{
    public RecordPlanStepValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.Step).RequiredText().MaximumLength(40);
        RuleFor(c => c.Body.OccurredOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("日期不能晚于今天。", "The date cannot be after today."));
        RuleFor(c => c.Body.DocumentRef).RequiredText().MaximumLength(100);
        RuleFor(c => c.Body.Vote!).SetValidator(new AssemblyVoteValidator()).When(c => c.Body.Vote is not null);
    }
}

internal sealed class AssemblyVoteValidator : AbstractValidator<AssemblyVoteRequest>
{
    public AssemblyVoteValidator()
    {
        RuleFor(v => v.Body).NotNull().IsInEnum();
        RuleFor(v => v.Entitled).NotNull().InclusiveBetween(1, 1_000_000);
        RuleFor(v => v.Present)
            .NotNull()
            .GreaterThanOrEqualTo(0)
            .Must((v, p) => p <= v.Entitled)
            .WithMessage(_ => Localized.Text("实到人数不能多于应到人数。", "More present than entitled."));
        RuleFor(v => v.InFavour)
            .NotNull()
            .GreaterThanOrEqualTo(0)
            .Must((v, f) => (long)(f ?? 0) + (v.Against ?? 0) + (v.Abstaining ?? 0) <= (v.Present ?? 0))
            .WithMessage(_ =>
                Localized.Text("表决票数之和不能多于实到人数。", "The votes cannot exceed those present.")
            );
        RuleFor(v => v.Against).NotNull().GreaterThanOrEqualTo(0);
        RuleFor(v => v.Abstaining).GreaterThanOrEqualTo(0);
    }
}

internal sealed class RecordPlanStepHandler(PlanSteps steps) : ICommandHandler<RecordPlanStepCommand, PlanView>
{
    private const string AdvanceSql = """
        UPDATE dividend_plans SET steps_done = steps_done + 1, stage = @stage, updated_at = @now,
            version = version + 1
        WHERE id = @id AND version = @version AND stage = @expectedStage
          AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<PlanView> Handle(RecordPlanStepCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var step = await steps.StartAsync(
            command.Id,
            command.ExpectedVersion,
            [PlanStage.Draft, PlanStage.Deliberation],
            cancellationToken
        );
        var list = step.Rules.ApprovalSteps;
        var expected = list[step.Plan.StepsDone];
        if (!string.Equals(body.Step!.Trim(), expected.Code, StringComparison.Ordinal))
        {
            throw DividendsErrors.PlanStepOutOfOrder(expected, body.Step.Trim());
        }
        AssemblyVote? vote = null;
        if (expected.Vote)
        {
            var v = body.Vote is { } given
                ? new AssemblyVote(
                    given.Body!.Value,
                    given.Entitled!.Value,
                    given.Present!.Value,
                    given.InFavour!.Value,
                    given.Against!.Value,
                    given.Abstaining ?? 0
                )
                : throw DividendsErrors.PlanVoteRequired(expected);
            var rules = step.Rules.Assembly;
            vote = PlanRules.Outcome(v, rules) switch
            {
                VoteOutcome.NotQuorate => throw DividendsErrors.PlanNotQuorate(
                    v,
                    PlanRules.LeastQuorate(v.Body, v.Entitled, rules)
                ),
                VoteOutcome.NotCarried => throw DividendsErrors.PlanNotCarried(v),
                _ => v,
            };
        }
        var last = step.Plan.StepsDone + 1 == list.Count;
        await step.AdvanceAsync(
            AdvanceSql,
            new { stage = (last ? PlanStage.Review : PlanStage.Deliberation).ToString() },
            expected.Code,
            expected.Chinese,
            body.OccurredOn!.Value,
            body.DocumentRef!.Trim(),
            vote,
            cancellationToken
        );
        return await step.ViewAsync(cancellationToken);
    }
}
