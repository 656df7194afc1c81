using System.Globalization;
using Jiceng.Infrastructure.Database;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.CreatePayouts;

/// The payout list of an approved plan: one unpaid entry per plan line, made once (the plan's row records it, in
/// the same guarded statement), and only with every objection closed.
internal sealed record CreatePayoutsRequest(string? Note);

internal sealed record CreatePayoutsCommand(Guid Id, long ExpectedVersion, CreatePayoutsRequest Body)
    : ICommand<PlanView>;

internal sealed class CreatePayoutsHandler(DbSession db, PlanSteps steps)
    : ICommandHandler<CreatePayoutsCommand, PlanView>
{
    private const string AdvanceSql = """
        UPDATE dividend_plans SET payouts_created_at = @now, updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND stage = @expectedStage
          AND org_path >= @from AND org_path < @to AND payouts_created_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM dividend_plan_objections o WHERE o.plan_id = @id AND o.status <> 'Closed')
        """;

    private const string LinesSql = """
        SELECT line_no FROM dividend_plan_lines WHERE plan_id = @planId AND amount_fen > 0 ORDER BY line_no
        """;

    // The unique (plan, entry key) index makes a second list impossible even past the plan's own guard.
    private const string InsertSql = """
        INSERT INTO dividend_payouts (id, plan_id, entry_key, line_no, collective_id, org_path, region_root_id,
            household_id, payee_id, name, kind, related_id, amount_fen, status, created_at, version)
        SELECT @id, l.plan_id, @entryKey, l.line_no, p.collective_id, p.org_path, p.region_root_id,
            l.household_id, l.payee_id, l.name, 'Payout', NULL, l.amount_fen, 'Unpaid', @now, 1
        FROM dividend_plan_lines l JOIN dividend_plans p ON p.id = l.plan_id
        WHERE l.plan_id = @planId AND l.line_no = @lineNo
        """;

    public async ValueTask<PlanView> Handle(CreatePayoutsCommand command, CancellationToken cancellationToken)
    {
        var step = await steps.StartAsync(command.Id, command.ExpectedVersion, [PlanStage.Approved], cancellationToken);
        if (step.Plan.PayoutsCreatedAt is not null)
        {
            throw DividendsErrors.PlanPayoutsExist();
        }
        var open = await step.OpenObjectionsAsync(cancellationToken);
        if (open > 0)
        {
            throw DividendsErrors.PlanObjectionsOpen(open);
        }
        await step.AdvanceAsync(
            AdvanceSql,
            new { },
            PlanStepCodes.Payouts,
            PlanStepCodes.Label(PlanStepCodes.Payouts),
            step.Today,
            null,
            null,
            cancellationToken
        );
        var planId = step.Plan.Id;
        foreach (var lineNo in await db.QueryAsync<int>(LinesSql, new { planId }, cancellationToken))
        {
            await db.ExecuteAsync(
                InsertSql,
                new
                {
                    id = Guid.CreateVersion7(),
                    planId,
                    entryKey = "L" + lineNo.ToString(CultureInfo.InvariantCulture),
                    lineNo,
                    now = step.Now,
                },
                cancellationToken
            );
        }
        return await step.ViewAsync(cancellationToken);
    }
}
