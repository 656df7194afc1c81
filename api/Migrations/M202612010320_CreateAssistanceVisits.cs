using FluentMigrator;
using FluentMigrator.Builders.Create.Table;
using Jiceng.Infrastructure.Database;

namespace Jiceng.Migrations;

/// <summary>
/// 走访慰问, 1+N 结对帮扶 and the hardship ledger's rechecks: holiday visit lists and their visits, condolence
/// proposals (one per death), helper pairings with their help logs, and yearly rechecks. Every row carries its
/// organization, the organization's path (subtree range scans) and its region's root.
/// </summary>
[Migration(202612010320, "Assistance visits, condolences, pairings and rechecks")]
public sealed class M202612010320_CreateAssistanceVisits : Migration
{
    private static ICreateTableColumnOptionOrWithColumnSyntax Owned(ICreateTableWithColumnSyntax table) =>
        table
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("org_id")
            .AsGuid()
            .NotNullable()
            .WithColumn("org_path")
            .AsAnsiString(200)
            .NotNullable()
            .WithColumn("region_root_id")
            .AsGuid()
            .NotNullable();

    private void BinaryPath(string table)
    {
        IfDatabase(Migrator.ProcessorIds.AnyPostgres)
            .Execute.Sql($"ALTER TABLE {table} ALTER COLUMN org_path TYPE varchar(200) COLLATE \"C\"");
        IfDatabase(Migrator.ProcessorIds.AnySqlServer)
            .Execute.Sql(
                $"ALTER TABLE {table} ALTER COLUMN org_path varchar(200) COLLATE Latin1_General_BIN2 NOT NULL"
            );
        Create.Index($"ix_{table}_org_path").OnTable(table).OnColumn("org_path");
    }

    public override void Up()
    {
        Owned(Create.Table("assistance_visit_lists"))
            .WithColumn("occasion")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("year")
            .AsInt32()
            .NotNullable()
            .WithColumn("occasion_on")
            .AsDate()
            .NotNullable()
            .WithColumn("window_opens_on")
            .AsDate()
            .NotNullable()
            .WithColumn("created_by_name")
            .AsString(100)
            .NotNullable()
            .WithColumn("created_at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("version")
            .AsInt64()
            .NotNullable();
        BinaryPath("assistance_visit_lists");
        Create
            .Index("ux_assistance_visit_lists_org_occasion")
            .OnTable("assistance_visit_lists")
            .OnColumn("org_id")
            .Ascending()
            .OnColumn("occasion")
            .Ascending()
            .OnColumn("year")
            .Ascending()
            .WithOptions()
            .Unique();

        Owned(Create.Table("assistance_visits"))
            .WithColumn("list_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_assistance_visits_list", "assistance_visit_lists", "id")
            .WithColumn("member_id")
            .AsGuid()
            .Nullable()
            .WithColumn("name")
            .AsString(100)
            .NotNullable()
            .WithColumn("relation")
            .AsString(100)
            .Nullable()
            .WithColumn("reasons")
            .AsInt32()
            .NotNullable()
            .WithColumn("age")
            .AsInt32()
            .Nullable()
            .WithColumn("standing_years")
            .AsInt32()
            .Nullable()
            .WithColumn("hardship_category")
            .AsAnsiString(20)
            .Nullable()
            .WithColumn("status")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("visited_on")
            .AsDate()
            .Nullable()
            .WithColumn("visitors")
            .AsString(200)
            .Nullable()
            .WithColumn("money")
            .AsInt64()
            .NotNullable()
            .WithColumn("fund_id")
            .AsGuid()
            .Nullable()
            .WithColumn("ledger_entry_id")
            .AsGuid()
            .Nullable()
            .WithColumn("goods")
            .AsString(200)
            .Nullable()
            .WithColumn("goods_value")
            .AsInt64()
            .NotNullable()
            .WithColumn("note")
            .AsString(500)
            .Nullable()
            .WithColumn("created_at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("updated_at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("version")
            .AsInt64()
            .NotNullable();
        BinaryPath("assistance_visits");
        Create.Index("ix_assistance_visits_list").OnTable("assistance_visits").OnColumn("list_id");
        Create.Index("ix_assistance_visits_member").OnTable("assistance_visits").OnColumn("member_id");

        Owned(Create.Table("assistance_condolences"))
            .WithColumn("member_id")
            .AsGuid()
            .NotNullable()
            .WithColumn("name")
            .AsString(100)
            .NotNullable()
            .WithColumn("died_on")
            .AsDate()
            .NotNullable()
            .WithColumn("amount")
            .AsInt64()
            .NotNullable()
            .WithColumn("status")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("fund_id")
            .AsGuid()
            .Nullable()
            .WithColumn("ledger_entry_id")
            .AsGuid()
            .Nullable()
            .WithColumn("paid_on")
            .AsDate()
            .Nullable()
            .WithColumn("reference")
            .AsString(200)
            .Nullable()
            .WithColumn("decision_reason")
            .AsString(500)
            .Nullable()
            .WithColumn("decided_by_name")
            .AsString(100)
            .Nullable()
            .WithColumn("created_at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("updated_at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("version")
            .AsInt64()
            .NotNullable();
        BinaryPath("assistance_condolences");
        Create
            .Index("ux_assistance_condolences_member")
            .OnTable("assistance_condolences")
            .OnColumn("member_id")
            .Ascending()
            .WithOptions()
            .Unique();

        Owned(Create.Table("assistance_pairings"))
            .WithColumn("helper_member_id")
            .AsGuid()
            .NotNullable()
            .WithColumn("helper_name")
            .AsString(100)
            .NotNullable()
            .WithColumn("helper_org_id")
            .AsGuid()
            .NotNullable()
            .WithColumn("helper_reported")
            .AsBoolean()
            .NotNullable()
            .WithColumn("helped_member_id")
            .AsGuid()
            .NotNullable()
            .WithColumn("helped_name")
            .AsString(100)
            .NotNullable()
            .WithColumn("started_on")
            .AsDate()
            .NotNullable()
            .WithColumn("ended_on")
            .AsDate()
            .Nullable()
            .WithColumn("last_help_on")
            .AsDate()
            .Nullable()
            .WithColumn("help_count")
            .AsInt32()
            .NotNullable()
            .WithColumn("created_at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("updated_at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("version")
            .AsInt64()
            .NotNullable();
        BinaryPath("assistance_pairings");
        Create.Index("ix_assistance_pairings_helper").OnTable("assistance_pairings").OnColumn("helper_member_id");
        Create.Index("ix_assistance_pairings_helped").OnTable("assistance_pairings").OnColumn("helped_member_id");

        Owned(Create.Table("assistance_help_logs"))
            .WithColumn("pairing_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_assistance_help_logs_pairing", "assistance_pairings", "id")
            .WithColumn("helped_member_id")
            .AsGuid()
            .NotNullable()
            .WithColumn("helped_on")
            .AsDate()
            .NotNullable()
            .WithColumn("what")
            .AsString(500)
            .NotNullable()
            .WithColumn("recorded_by_name")
            .AsString(100)
            .NotNullable()
            .WithColumn("created_at")
            .AsDateTime2()
            .NotNullable();
        BinaryPath("assistance_help_logs");
        Create.Index("ix_assistance_help_logs_pairing").OnTable("assistance_help_logs").OnColumn("pairing_id");

        Owned(Create.Table("assistance_rechecks"))
            .WithColumn("member_id")
            .AsGuid()
            .NotNullable()
            .WithColumn("hardship_id")
            .AsGuid()
            .NotNullable()
            .WithColumn("checked_on")
            .AsDate()
            .NotNullable()
            .WithColumn("outcome")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("note")
            .AsString(500)
            .Nullable()
            .WithColumn("checked_by_name")
            .AsString(100)
            .NotNullable()
            .WithColumn("created_at")
            .AsDateTime2()
            .NotNullable();
        BinaryPath("assistance_rechecks");
        Create.Index("ix_assistance_rechecks_member").OnTable("assistance_rechecks").OnColumn("member_id");
    }

    public override void Down()
    {
        Delete.Table("assistance_rechecks");
        Delete.Table("assistance_help_logs");
        Delete.Table("assistance_pairings");
        Delete.Table("assistance_condolences");
        Delete.Table("assistance_visits");
        Delete.Table("assistance_visit_lists");
    }
}
