using FluentMigrator;

namespace Jiceng.Migrations;

/// <summary>
/// Before subtree moves carried them, a moved community's volunteers, teams, activities, sessions and certificates
/// kept their old organization path (so they vanished from the new subtree's lists), and no module's rows took a new
/// region root when a subtree moved under another region's root (so the old region's rules applied). Each row is
/// set from its organization; rows already right are left alone. Share changes and payouts, which keep no
/// organization, take their collective's region.
/// </summary>
[Migration(202612050010, "Copied organization paths and regions repaired after earlier subtree moves")]
public sealed class M202612050010_RepairCopiedPathsAndRegions : Migration
{
    private static readonly string[] PathAndRegionTables =
    [
        "volunteers",
        "volunteer_teams",
        "volunteer_activities",
        "volunteer_sessions",
        "volunteer_certificates",
    ];

    private static readonly string[] RegionTables =
    [
        "collectives",
        "collective_households",
        "collective_members",
        "collective_incomes",
        "dividend_plans",
        "assistance_funds",
        "assistance_visit_lists",
        "assistance_visits",
        "assistance_condolences",
        "assistance_pairings",
        "assistance_help_logs",
        "assistance_rechecks",
    ];

    private static readonly string[] RegionByCollectiveTables = ["collective_share_changes", "dividend_payouts"];

    // Templates, not statements: "@table" stands for one of the fixed table names above.
    private const string PathAndRegionSql = """
        UPDATE @table SET
            org_path = (SELECT o.path FROM organizations o WHERE o.id = @table.org_id),
            region_root_id = (SELECT o.region_root_id FROM organizations o WHERE o.id = @table.org_id)
        WHERE EXISTS (SELECT 1 FROM organizations o WHERE o.id = @table.org_id
            AND (o.path <> @table.org_path OR o.region_root_id <> @table.region_root_id))
        """;

    private const string RegionSql = """
        UPDATE @table SET
            region_root_id = (SELECT o.region_root_id FROM organizations o WHERE o.id = @table.org_id)
        WHERE EXISTS (SELECT 1 FROM organizations o WHERE o.id = @table.org_id
            AND o.region_root_id <> @table.region_root_id)
        """;

    private const string RegionByCollectiveSql = """
        UPDATE @table SET
            region_root_id = (SELECT c.region_root_id FROM collectives c WHERE c.id = @table.collective_id)
        WHERE EXISTS (SELECT 1 FROM collectives c WHERE c.id = @table.collective_id
            AND c.region_root_id <> @table.region_root_id)
        """;

    public override void Up()
    {
        foreach (
            var (template, tables) in new[]
            {
                (PathAndRegionSql, PathAndRegionTables),
                (RegionSql, RegionTables),
                (RegionByCollectiveSql, RegionByCollectiveTables),
            }
        )
        {
            foreach (var table in tables)
            {
                Execute.Sql(template.Replace("@table", table, StringComparison.Ordinal));
            }
        }
    }

    // A repair: there is nothing to undo.
    public override void Down() { }
}
