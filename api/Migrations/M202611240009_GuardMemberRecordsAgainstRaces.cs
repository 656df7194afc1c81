using FluentMigrator;

namespace Jiceng.Migrations;

/// <summary>
/// "Only one at a time" rules for members, held by the database as well: the inserting statements check
/// with NOT EXISTS, and these filtered unique indexes make the loser of a race between two such inserts
/// fail (answered 409) on PostgreSQL and SQL Server too, where both could otherwise see "none yet".
/// The same CREATE UNIQUE INDEX … WHERE text works on SQLite, PostgreSQL and SQL Server.
/// </summary>
[Migration(202611240009, "Unique open transfer, hardship and community report per member")]
public sealed class M202611240009_GuardMemberRecordsAgainstRaces : Migration
{
    public override void Up()
    {
        Execute.Sql(
            "CREATE UNIQUE INDEX ux_member_transfers_pending ON member_transfers (member_id) WHERE status = 'Pending'"
        );
        Execute.Sql("CREATE UNIQUE INDEX ux_member_hardships_open ON member_hardships (member_id) WHERE until IS NULL");
        Execute.Sql(
            "CREATE UNIQUE INDEX ux_community_reports_current ON "
                + "member_community_reports (member_id) WHERE ended_on IS NULL"
        );
    }

    public override void Down()
    {
        Delete.Index("ux_member_transfers_pending").OnTable("member_transfers");
        Delete.Index("ux_member_hardships_open").OnTable("member_hardships");
        Delete.Index("ux_community_reports_current").OnTable("member_community_reports");
    }
}
