using System.Data;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Dividends.Domain;

/// Saves a computed plan (a first version or the next one): the plan row, its parts and its lines, never changed
/// afterwards except the plan's stage and dates.
internal static class PlanStore
{
    private const string InsertPlanSql = """
        INSERT INTO dividend_plans (id, plan_group_id, version_no, supersedes_id, collective_id, org_id, org_path,
            region_root_id, year, title, cut_off_on, stage, steps_done, prepared_by, prepared_by_name, total_fen,
            line_count, created_at, updated_at, version)
        VALUES (@id, @planGroupId, @versionNo, @supersedesId, @collectiveId, @orgId, @orgPath, @regionRootId, @year,
            @title, @cutOffOn, 'Draft', 0, @preparedBy, @preparedByName, @totalFen, @lineCount, @now, @now, 1)
        """;

    private const string InsertPartSql = """
        INSERT INTO dividend_plan_parts (plan_id, part_no, kind, label, method, payee_unit, pool_fen, amount_fen,
            weights, min_age)
        VALUES (@planId, @partNo, @kind, @label, @method, @payeeUnit, @poolFen, @amountFen, @weights, @minAge)
        """;

    private static readonly string[] LineColumns =
    [
        "plan_id",
        "line_no",
        "part_no",
        "payee_id",
        "payee_unit",
        "household_id",
        "name",
        "id_number_masked",
        "units",
        "rate",
        "exact",
        "base_fen",
        "remainder_fen",
        "amount_fen",
    ];

    // The type each column's null would need (only id_number_masked is ever null).
    private static readonly DbType[] LineNullTypes =
    [
        DbType.Guid,
        DbType.Int32,
        DbType.Int32,
        DbType.Guid,
        DbType.String,
        DbType.Guid,
        DbType.String,
        DbType.String,
        DbType.String,
        DbType.String,
        DbType.String,
        DbType.Int64,
        DbType.Int64,
        DbType.Int64,
    ];

    public static async Task SaveAsync(
        DbSession db,
        Guid id,
        (Guid GroupId, int VersionNo, Guid? Supersedes) lineage,
        CollectiveRecord collective,
        PlanTermsRequest terms,
        IReadOnlyList<ComputedPart> parts,
        Caller caller,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        await db.ExecuteAsync(
            InsertPlanSql,
            new
            {
                id,
                planGroupId = lineage.GroupId,
                versionNo = lineage.VersionNo,
                supersedesId = lineage.Supersedes,
                collectiveId = collective.Id,
                orgId = collective.OrgId,
                orgPath = collective.OrgPath,
                regionRootId = collective.RegionRootId,
                year = terms.Year!.Value,
                title = terms.Title!.Trim(),
                cutOffOn = terms.CutOffOn!.Value,
                preparedBy = caller.Id ?? Guid.Empty,
                preparedByName = caller.ShownName,
                totalFen = parts.Sum(p => p.PoolFen),
                lineCount = parts.Sum(p => p.Lines.Count),
                now,
            },
            cancellationToken
        );
        foreach (var part in parts)
        {
            var r = part.Request;
            await db.ExecuteAsync(
                InsertPartSql,
                new
                {
                    planId = id,
                    partNo = part.PartNo,
                    kind = r.Kind!.Value.ToString(),
                    label = r.Label!.Trim(),
                    method = r.Method!.Value.ToString(),
                    payeeUnit = (part.Lines.FirstOrDefault()?.Unit ?? r.PayeeUnit!.Value).ToString(),
                    poolFen = part.PoolFen,
                    amountFen = r.Amount?.Fen ?? 0,
                    weights = PlanComputation.WeightsJson(r),
                    minAge = r.MinAge,
                },
                cancellationToken
            );
            // Many rows per statement: one statement per line made a 100,000-line plan take seconds on SQLite.
            await db.InsertRowsAsync(
                "dividend_plan_lines",
                LineColumns,
                LineNullTypes,
                part.Lines.Select(l =>
                    new object?[]
                    {
                        id,
                        l.LineNo,
                        l.PartNo,
                        l.PayeeId,
                        l.Unit.ToString(),
                        l.HouseholdId,
                        l.Name,
                        l.IdNumberMasked,
                        PlanComputation.Text(l.Units),
                        PlanComputation.Text(l.Rate),
                        PlanComputation.Text(l.Exact),
                        l.BaseFen,
                        l.RemainderFen,
                        l.AmountFen,
                    }
                ),
                cancellationToken
            );
        }
    }
}
