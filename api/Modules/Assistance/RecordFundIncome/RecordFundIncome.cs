using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.RecordFundIncome;

internal sealed record RecordFundIncomeRequest(
    FundSource? Source,
    Money? Amount,
    string? Purpose,
    DateOnly? OccurredOn
);

internal sealed record LedgerPostedResponse(Guid EntryId, FundResponse Fund);

/// <summary>
/// Money into a fund from one of its own sources (the region's share of party dues, special dues, donations,
/// interest), kept apart by source; allocations from above arrive through the fund above's allocation instead.
/// </summary>
internal sealed record RecordFundIncomeCommand(Guid Id, RecordFundIncomeRequest Body) : ICommand<LedgerPostedResponse>;

internal sealed class RecordFundIncomeValidator : AbstractValidator<RecordFundIncomeCommand>
{
    public RecordFundIncomeValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.Source)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .IsInEnum()
            .Must(s => s != FundSource.AllocationFromAbove)
            .WithMessage(_ =>
                Localized.Text(
                    "上级下拨由上级资金的「下拨」记入，不在此登记。",
                    "Allocations from above are posted by the fund above's allocation."
                )
            )
            .Field("source");
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

internal sealed class RecordFundIncomeHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    TimeProvider clock
) : ICommandHandler<RecordFundIncomeCommand, LedgerPostedResponse>
{
    public async ValueTask<LedgerPostedResponse> Handle(
        RecordFundIncomeCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var fund = await Funds.FindAsync(db, scope, command.Id, cancellationToken);
        var body = command.Body;
        var posting = new LedgerPosting(fund.Id, LedgerEntryKind.Income, body.Amount!.Value, body.OccurredOn!.Value)
        {
            Source = body.Source,
            Purpose = body.Purpose,
        };
        var entryId = await FundLedger.PostAsync(db, posting, callers.Current, clock.GetUtcNow(), cancellationToken);
        var updated = await Funds.FindAsync(db, scope, fund.Id, cancellationToken);
        return new(entryId, updated.ToResponse());
    }
}
