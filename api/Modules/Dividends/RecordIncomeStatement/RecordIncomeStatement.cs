using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.RecordIncomeStatement;

internal sealed record RecordIncomeStatementResult(IncomeStatementView Statement, bool Created);

/// <summary>
/// Enters a collective's income statement for a year (201), or replaces it with If-Match (200). Every local limit
/// is checked before anything is written: breaking one is 409 with the figure entered, the bound and the rule.
/// </summary>
internal sealed record RecordIncomeStatementCommand(
    Guid CollectiveId,
    int Year,
    long? Expected,
    IncomeStatementBody Body
) : ICommand<RecordIncomeStatementResult>;

internal sealed class RecordIncomeStatementValidator : AbstractValidator<RecordIncomeStatementCommand>
{
    public RecordIncomeStatementValidator(TimeProvider clock)
    {
        // The validator is a singleton: this year is read per request, not once at start (a server running past
        // New Year, or a demo seed on a clock set back, would otherwise keep the year it started in).
        RuleFor(c => c.Year).GreaterThanOrEqualTo(1980).LessThanOrEqualTo(_ => clock.Today().Year);
        RuleFor(c => c.Body).SetValidator(new IncomeStatementBodyValidator());
    }
}

internal sealed class RecordIncomeStatementHandler(
    DbSession db,
    CurrentScope currentScope,
    DividendRuleSets ruleSets,
    TimeProvider clock
) : ICommandHandler<RecordIncomeStatementCommand, RecordIncomeStatementResult>
{
    private const string FindSql =
        "SELECT "
        + IncomeStatementView.Columns
        + " FROM collective_incomes WHERE collective_id = @collectiveId AND year = @year";

    private const string InsertSql = """
        INSERT INTO collective_incomes (id, collective_id, org_id, org_path, region_root_id, year, operating_income,
            investment_income, other_income, grant_income, land_compensation, costs, losses_carried, reserve,
            member_dividends, by_volume_return, notes, created_at, updated_at, version)
        VALUES (@id, @collectiveId, @orgId, @orgPath, @regionRootId, @year, @operatingIncome, @investmentIncome,
            @otherIncome, @grantIncome, @landCompensation, @costs, @lossesCarried, @reserve, @memberDividends,
            @byVolumeReturn, @notes, @now, @now, 1)
        """;

    private const string UpdateSql = """
        UPDATE collective_incomes SET operating_income = @operatingIncome, investment_income = @investmentIncome,
            other_income = @otherIncome, grant_income = @grantIncome, land_compensation = @landCompensation,
            costs = @costs, losses_carried = @lossesCarried, reserve = @reserve, member_dividends = @memberDividends,
            by_volume_return = @byVolumeReturn, notes = @notes, updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version
        """;

    public async ValueTask<RecordIncomeStatementResult> Handle(
        RecordIncomeStatementCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var collective = await Collectives.FindAsync(db, scope, command.CollectiveId, cancellationToken);
        var key = new { collectiveId = collective.Id, year = command.Year };
        var existing = await db.QuerySingleOrDefaultAsync<IncomeStatementRow>(FindSql, key, cancellationToken);
        if (existing is not null && command.Expected is null)
        {
            throw DividendsErrors.IncomeYearExists(command.Year);
        }
        if (existing is null && command.Expected is not null)
        {
            throw new NotFoundException("IncomeStatement");
        }
        if (existing is not null && existing.Version != command.Expected)
        {
            throw new PreconditionFailedException();
        }
        var rules = await ruleSets.RulesAsync(collective.OrgId, cancellationToken);
        var figures = command.Body.Figures;
        if (IncomeRules.Breaches(figures, collective.Kind, rules) is [var first, ..])
        {
            throw DividendsErrors.IncomeLimit(first);
        }
        var id = existing?.Id ?? Guid.CreateVersion7();
        var values = new
        {
            id,
            collectiveId = collective.Id,
            orgId = collective.OrgId,
            orgPath = collective.OrgPath,
            regionRootId = collective.RegionRootId,
            year = command.Year,
            operatingIncome = figures.OperatingIncome,
            investmentIncome = figures.InvestmentIncome,
            otherIncome = figures.OtherIncome,
            grantIncome = figures.GrantIncome,
            landCompensation = figures.LandCompensation,
            costs = figures.Costs,
            lossesCarried = figures.LossesCarried,
            reserve = figures.Reserve,
            memberDividends = figures.MemberDividends,
            byVolumeReturn = figures.ByVolumeReturn,
            notes = string.IsNullOrWhiteSpace(command.Body.Notes) ? null : command.Body.Notes.Trim(),
            version = command.Expected ?? 0,
            now = clock.GetUtcNow(),
        };
        if (existing is null)
        {
            await db.ExecuteOrConflictAsync(
                InsertSql,
                values,
                () => DividendsErrors.IncomeYearExists(command.Year),
                cancellationToken
            );
        }
        else if (await db.ExecuteAsync(UpdateSql, values, cancellationToken) == 0)
        {
            throw new PreconditionFailedException();
        }
        var row = await db.QuerySingleOrDefaultAsync<IncomeStatementRow>(FindSql, key, cancellationToken);
        return new(row!.ToView(collective.Kind, rules), existing is null);
    }
}
