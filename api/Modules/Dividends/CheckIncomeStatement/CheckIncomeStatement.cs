using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.CheckIncomeStatement;

/// <summary>One limit the figures break, as the form shows it beside the field.</summary>
internal sealed record IncomeBreachResponse(
    string Code,
    string Field,
    Money Entered,
    Money Bound,
    string Rule,
    string Message
);

internal sealed record IncomeCheckResponse(IncomeLimitsResponse Limits, IReadOnlyList<IncomeBreachResponse> Breaches);

/// <summary>
/// What figures would allow, without saving them: the distributable amount, each bound and every limit broken (the
/// income form calls it as the accountant types).
/// </summary>
internal sealed record CheckIncomeStatementQuery(Guid CollectiveId, IncomeStatementBody Body)
    : IQuery<IncomeCheckResponse>;

internal sealed class CheckIncomeStatementValidator : AbstractValidator<CheckIncomeStatementQuery>
{
    public CheckIncomeStatementValidator() => RuleFor(q => q.Body).SetValidator(new IncomeStatementBodyValidator());
}

internal sealed class CheckIncomeStatementHandler(DbSession db, CurrentScope currentScope, DividendRuleSets ruleSets)
    : IQueryHandler<CheckIncomeStatementQuery, IncomeCheckResponse>
{
    public async ValueTask<IncomeCheckResponse> Handle(
        CheckIncomeStatementQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var collective = await Collectives.FindAsync(db, scope, query.CollectiveId, cancellationToken);
        var rules = await ruleSets.RulesAsync(collective.OrgId, cancellationToken);
        var figures = query.Body.Figures;
        var limits = IncomeRules.Limits(figures, collective.Kind, rules);
        var breaches = IncomeRules
            .Breaches(figures, collective.Kind, rules)
            .Select(b => new IncomeBreachResponse(
                b.Code,
                b.Field,
                b.Entered,
                b.Bound,
                b.Rule,
                DividendsErrors.IncomeLimit(b).LocalizedMessage
            ))
            .ToList();
        return new(IncomeStatements.Respond(limits, collective.Kind, rules), breaches);
    }
}
