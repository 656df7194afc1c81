using FluentMigrator;
using Jiceng.Infrastructure.Database;

namespace Jiceng.Migrations;

/// <summary>双报到: in-service members registered with the community where they live.</summary>
[Migration(202611240008, "Community reporting (双报到)")]
public sealed class M202611240008_CreateCommunityReports : Migration
{
    public override void Up()
    {
        Create
            .Table("member_community_reports")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("member_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_community_reports_member", "members", "id")
            .WithColumn("community_org_id")
            .AsGuid()
            .NotNullable()
            .WithColumn("community_org_path")
            .AsAnsiString(200)
            .NotNullable()
            .WithColumn("reported_on")
            .AsDate()
            .NotNullable()
            .WithColumn("ended_on")
            .AsDate()
            .Nullable()
            .WithColumn("created_at")
            .AsDateTime2()
            .NotNullable();
        IfDatabase(Migrator.ProcessorIds.AnyPostgres)
            .Execute.Sql(
                "ALTER TABLE member_community_reports ALTER COLUMN community_org_path TYPE varchar(200) COLLATE \"C\""
            );
        IfDatabase(Migrator.ProcessorIds.AnySqlServer)
            .Execute.Sql(
                "ALTER TABLE member_community_reports ALTER COLUMN "
                    + "community_org_path varchar(200) COLLATE Latin1_General_BIN2 NOT NULL"
            );
        Create.Index("ix_community_reports_community").OnTable("member_community_reports").OnColumn("community_org_id");
        Create.Index("ix_community_reports_member").OnTable("member_community_reports").OnColumn("member_id");
    }

    public override void Down() => Delete.Table("member_community_reports");
}
