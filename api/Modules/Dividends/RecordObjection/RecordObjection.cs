using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.RecordObjection;

/// Every objection to a plan on notice is recorded, whoever raises it and however (in person, by letter).
internal sealed record RecordObjectionRequest(DateOnly? ReceivedOn, string? RaisedBy, string? Content);

internal sealed record RecordObjectionCommand(Guid PlanId, RecordObjectionRequest Body) : ICommand<ObjectionView>;

internal sealed class RecordObjectionValidator : AbstractValidator<RecordObjectionCommand>
{
    public RecordObjectionValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.ReceivedOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("日期不能晚于今天。", "The date cannot be after today."));
        RuleFor(c => c.Body.RaisedBy).RequiredText().MaximumLength(50);
        RuleFor(c => c.Body.Content).RequiredText().MaximumLength(1000);
    }
}

internal sealed class RecordObjectionHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    TimeProvider clock
) : ICommandHandler<RecordObjectionCommand, ObjectionView>
{
    // Only while the plan is on notice or approved and not yet paid out; the plan's row decides, in the statement.
    private const string InsertSql = """
        INSERT INTO dividend_plan_objections (id, plan_id, org_path, received_on, raised_by, content, status,
            recorded_by_name, created_at, version)
        SELECT @id, p.id, p.org_path, @receivedOn, @raisedBy, @content, 'Open', @recordedBy, @now, 1
        FROM dividend_plans p
        WHERE p.id = @planId AND p.stage IN ('Notice', 'Approved') AND p.payouts_created_at IS NULL
          AND p.org_path >= @from AND p.org_path < @to
        """;

    public async ValueTask<ObjectionView> Handle(RecordObjectionCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var plan = await PlanRecords.FindAsync(db, scope, command.PlanId, cancellationToken);
        var id = Guid.CreateVersion7();
        var inserted = await db.ExecuteAsync(
            InsertSql,
            new
            {
                id,
                planId = plan.Id,
                receivedOn = command.Body.ReceivedOn!.Value,
                raisedBy = command.Body.RaisedBy!.Trim(),
                content = command.Body.Content!.Trim(),
                recordedBy = callers.Current.ShownName,
                now = clock.GetUtcNow(),
                from = scope.From,
                to = scope.To,
            },
            cancellationToken
        );
        if (inserted == 0)
        {
            throw plan.PayoutsCreatedAt is not null
                ? DividendsErrors.PlanPayoutsExist()
                : DividendsErrors.PlanWrongStage(plan.Stage, PlanStage.Notice, PlanStage.Approved);
        }
        return await Objections.FindAsync(db, scope, id, cancellationToken);
    }
}
