using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.AllocateFunds;

internal sealed record AllocateFundsRequest(Guid? ToFundId, Money? Amount, string? Purpose, DateOnly? OccurredOn);

internal sealed record AllocationResponse(Guid OutEntryId, Guid InEntryId, FundResponse From, FundResponse To);

/// <summary>
/// 下拨: money from a fund to one directly below it, a double entry (out of one, into the other, each naming the
/// other). The fund above cannot allocate what it does not have free: 409 fund_insufficient.
/// </summary>
internal sealed record AllocateFundsCommand(Guid Id, AllocateFundsRequest Body) : ICommand<AllocationResponse>;

internal sealed class AllocateFundsValidator : AbstractValidator<AllocateFundsCommand>
{
    public AllocateFundsValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.ToFundId).NotNull().Field("toFundId");
        RuleFor(c => c.Body.Amount)
            .NotNull()
            .Must(a => a!.Value > Money.Zero)
            .When(c => c.Body.Amount is not null, ApplyConditionTo.CurrentValidator)
            .Field("amount");
        RuleFor(c => c.Body.Purpose).MaximumLength(200).Field("purpose");
        RuleFor(c => c.Body.OccurredOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("日期不能晚于今天。", "The date cannot be after today."))
            .Field("occurredOn");
    }
}

internal sealed class AllocateFundsHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    TimeProvider clock
) : ICommandHandler<AllocateFundsCommand, AllocationResponse>
{
    public async ValueTask<AllocationResponse> Handle(AllocateFundsCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var from = await Funds.FindAsync(db, scope, command.Id, cancellationToken);
        var body = command.Body;
        FundRow to;
        try
        {
            to = await Funds.FindAsync(db, scope, body.ToFundId!.Value, cancellationToken);
        }
        catch (Infrastructure.Http.NotFoundException)
        {
            throw AssistanceErrors.NotFoundOnField("toFundId");
        }
        if (to.ParentFundId != from.Id)
        {
            throw AssistanceErrors.NotDirectlyBelow();
        }
        var outId = Guid.CreateVersion7();
        var inId = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var amount = body.Amount!.Value;
        var on = body.OccurredOn!.Value;
        // Out first: the conditional debit decides; the receipt posts only when the money left.
        await FundLedger.PostAsync(
            db,
            new LedgerPosting(from.Id, LedgerEntryKind.AllocationOut, Money.Zero - amount, on)
            {
                Source = FundSource.AllocationFromAbove,
                Purpose = body.Purpose,
                CounterEntryId = inId,
                CounterFundId = to.Id,
            },
            callers.Current,
            now,
            cancellationToken,
            outId
        );
        await FundLedger.PostAsync(
            db,
            new LedgerPosting(to.Id, LedgerEntryKind.AllocationIn, amount, on)
            {
                Source = FundSource.AllocationFromAbove,
                Purpose = body.Purpose,
                CounterEntryId = outId,
                CounterFundId = from.Id,
            },
            callers.Current,
            now,
            cancellationToken,
            inId
        );
        return new(
            outId,
            inId,
            (await Funds.FindAsync(db, scope, from.Id, cancellationToken)).ToResponse(),
            (await Funds.FindAsync(db, scope, to.Id, cancellationToken)).ToResponse()
        );
    }
}
