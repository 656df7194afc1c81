using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.PayCondolence;

internal sealed record PayCondolenceRequest(Guid? FundId, Money? Amount, DateOnly? PaidOn, string? Reference);

/// <summary>
/// Confirms a proposed condolence payment and pays it through the fund's ledger (to the deceased member's family,
/// booked against the member): the amount proposed unless another is given. Requires If-Match; takes an
/// Idempotency-Key.
/// </summary>
internal sealed record PayCondolenceCommand(Guid Id, long ExpectedVersion, PayCondolenceRequest Body)
    : ICommand<CondolenceResponse>;

internal sealed class PayCondolenceValidator : AbstractValidator<PayCondolenceCommand>
{
    public PayCondolenceValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.FundId).NotEmpty();
        RuleFor(c => c.Body.PaidOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("发放日期不能晚于今天。", "The payment cannot be dated after today."));
        RuleFor(c => c.Body.Amount!.Value.Fen)
            .InclusiveBetween(1, 100_000_00)
            .When(c => c.Body.Amount is not null)
            .OverridePropertyName("amount");
        RuleFor(c => c.Body.Reference).MaximumLength(200);
    }
}

internal sealed class PayCondolenceHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    AssistanceRuleSets rules,
    TimeProvider clock
) : ICommandHandler<PayCondolenceCommand, CondolenceResponse>
{
    private const string PaySql = """
        UPDATE assistance_condolences SET status = 'Paid', amount = @amount, fund_id = @fundId,
            ledger_entry_id = @entryId, paid_on = @paidOn, reference = @reference, decided_by_name = @decidedBy,
            updated_at = @now, version = version + 1
        WHERE id = @id AND version = @expectedVersion AND status = 'Proposed' AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<CondolenceResponse> Handle(PayCondolenceCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var scope = await currentScope.GetAsync(cancellationToken);
        var found = new
        {
            id = command.Id,
            from = scope.From,
            to = scope.To,
        };
        var condolence =
            await db.QuerySingleOrDefaultAsync<CondolenceRow>(Condolences.FindSql, found, cancellationToken)
            ?? throw new NotFoundException("Condolence");
        if (condolence.Version != command.ExpectedVersion)
        {
            throw new PreconditionFailedException();
        }
        if (condolence.Status != CondolenceStatus.Proposed)
        {
            throw AssistanceErrors.CondolenceNotProposed();
        }
        var amount = body.Amount ?? condolence.Amount;
        var paidOn = body.PaidOn!.Value;
        var fundId = body.FundId!.Value;
        await CarePlaces.EnsureFundCoversAsync(db, fundId, condolence.OrgPath, scope, cancellationToken);
        var region = await rules.ForAsync(condolence.OrgId, cancellationToken);
        var caller = callers.Current;
        var now = clock.GetUtcNow();
        var entryId = await FundLedger.PayAsync(
            db,
            new FundPayment(
                fundId,
                amount,
                condolence.MemberId,
                PaymentKind.Condolence,
                condolence.Id,
                paidOn,
                body.Reference
            )
            {
                // Decided by the payment's own conditional count under the cap, not read first.
                Cap = CapGuard.Of(region, "amount"),
            },
            caller,
            now,
            cancellationToken
        );
        var paid = await db.ExecuteAsync(
            PaySql,
            new
            {
                found.id,
                found.from,
                found.to,
                expectedVersion = command.ExpectedVersion,
                amount = amount.Fen,
                fundId,
                entryId,
                paidOn,
                reference = string.IsNullOrWhiteSpace(body.Reference) ? null : body.Reference.Trim(),
                decidedBy = caller.ShownName,
                now,
            },
            cancellationToken
        );
        if (paid == 0)
        {
            // The payment above rolls back with this refusal.
            throw new PreconditionFailedException();
        }
        return (
            (await db.QuerySingleOrDefaultAsync<CondolenceRow>(Condolences.FindSql, found, cancellationToken))!
        ).ToResponse();
    }
}
