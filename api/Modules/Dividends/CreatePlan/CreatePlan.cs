using System.Diagnostics;
using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.CreatePlan;

/// A distribution plan for a year, computed from the register on its cut-off date and saved with its payout lines;
/// it starts as a draft that the region's deliberation steps take forward.
internal sealed record CreatePlanCommand(PlanTermsRequest Body) : ICommand<PlanView>;

internal sealed class CreatePlanValidator : AbstractValidator<CreatePlanCommand>
{
    public CreatePlanValidator() => RuleFor(c => c.Body).SetValidator(new PlanTermsValidator());
}

internal sealed class CreatePlanHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    DividendRuleSets ruleSets,
    TimeProvider clock,
    ILogger<CreatePlanHandler> logger
) : ICommandHandler<CreatePlanCommand, PlanView>
{
    public async ValueTask<PlanView> Handle(CreatePlanCommand command, CancellationToken cancellationToken)
    {
        // Where a large plan's time goes (the benchmark's 100,000 shareholders), at Debug level.
        var watch = Stopwatch.StartNew();
        var scope = await currentScope.GetAsync(cancellationToken);
        var collective = await PlanComputation.CollectiveAsync(
            db,
            scope,
            command.Body.CollectiveId!.Value,
            cancellationToken
        );
        var parts = await PlanComputation.ComputeAsync(db, collective.Id, command.Body, cancellationToken);
        var computed = watch.Elapsed;
        var id = Guid.CreateVersion7();
        await PlanStore.SaveAsync(
            db,
            id,
            (id, 1, null),
            collective,
            command.Body,
            parts,
            callers.Current,
            clock.GetUtcNow(),
            cancellationToken
        );
        var saved = watch.Elapsed;
        var plan = await PlanRecords.FindAsync(db, scope, id, cancellationToken);
        var rules = await ruleSets.RulesAsync(collective.OrgId, cancellationToken);
        var view = await PlanRecords.ViewAsync(db, plan, rules, cancellationToken);
        logger.LogDebug(
            "Plan {Id} of {Lines} lines: computed in {Computed:0} ms, saved in {Saved:0} ms, read back in {Read:0} ms",
            id,
            view.LineCount,
            computed.TotalMilliseconds,
            (saved - computed).TotalMilliseconds,
            (watch.Elapsed - saved).TotalMilliseconds
        );
        return view;
    }
}
