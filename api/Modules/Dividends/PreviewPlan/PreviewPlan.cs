using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.PreviewPlan;

/// The payouts a plan's terms would give, computed from the register on the cut-off date, without saving anything.
internal sealed record PreviewPlanQuery(PlanTermsRequest Body) : IQuery<PreviewPlanResponse>;

internal sealed record PreviewPartView(
    int PartNo,
    string Label,
    PayoutMethod Method,
    Money Pool,
    Money Sum,
    int Payees
);

internal sealed record PreviewPlanResponse(
    IReadOnlyList<PreviewPartView> Parts,
    Money Total,
    int LineCount,
    IReadOnlyList<PlanLineView> Lines
);

internal sealed class PreviewPlanValidator : AbstractValidator<PreviewPlanQuery>
{
    public PreviewPlanValidator() => RuleFor(q => q.Body).SetValidator(new PlanTermsValidator());
}

internal sealed class PreviewPlanHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<PreviewPlanQuery, PreviewPlanResponse>
{
    public async ValueTask<PreviewPlanResponse> Handle(PreviewPlanQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var collective = await PlanComputation.CollectiveAsync(
            db,
            scope,
            query.Body.CollectiveId!.Value,
            cancellationToken
        );
        var parts = await PlanComputation.ComputeAsync(db, collective.Id, query.Body, cancellationToken);
        var lines = parts.SelectMany(p => p.Lines).ToList();
        return new PreviewPlanResponse(
            parts
                .Select(p => new PreviewPartView(
                    p.PartNo,
                    p.Request.Label!.Trim(),
                    p.Request.Method!.Value,
                    Money.FromFen(p.PoolFen),
                    Money.FromFen(p.Lines.Sum(l => l.AmountFen)),
                    p.Lines.Count
                ))
                .ToList(),
            Money.FromFen(lines.Sum(l => l.AmountFen)),
            lines.Count,
            lines.Select(PlanLineView.From).ToList()
        );
    }
}
