using FluentMigrator;
using Jiceng.Infrastructure.Database;

namespace Jiceng.Migrations;

/// <summary>组织关系转接: a letter out of one organization, confirmed by the receiving one; history, never an edit.</summary>
[Migration(202611240006, "Member transfers")]
public sealed class M202611240006_CreateMemberTransfers : Migration
{
    public override void Up()
    {
        Create
            .Table("member_transfers")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("member_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_member_transfers_member", "members", "id")
            .WithColumn("member_name")
            .AsString(50)
            .NotNullable()
            .WithColumn("from_org_id")
            .AsGuid()
            .NotNullable()
            .WithColumn("from_org_path")
            .AsAnsiString(200)
            .NotNullable()
            .WithColumn("to_org_id")
            .AsGuid()
            .Nullable()
            .WithColumn("to_org_path")
            .AsAnsiString(200)
            .Nullable()
            .WithColumn("to_external")
            .AsString(200)
            .Nullable()
            .WithColumn("letter_number")
            .AsString(50)
            .NotNullable()
            .WithColumn("issued_on")
            .AsDate()
            .NotNullable()
            .WithColumn("valid_until")
            .AsDate()
            .NotNullable()
            .WithColumn("status")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("received_on")
            .AsDate()
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
        IfDatabase(Migrator.ProcessorIds.AnyPostgres)
            .Execute.Sql("ALTER TABLE member_transfers ALTER COLUMN from_org_path TYPE varchar(200) COLLATE \"C\"");
        IfDatabase(Migrator.ProcessorIds.AnyPostgres)
            .Execute.Sql("ALTER TABLE member_transfers ALTER COLUMN to_org_path TYPE varchar(200) COLLATE \"C\"");
        IfDatabase(Migrator.ProcessorIds.AnySqlServer)
            .Execute.Sql(
                "ALTER TABLE member_transfers ALTER COLUMN from_org_path "
                    + "varchar(200) COLLATE Latin1_General_BIN2 NOT NULL"
            );
        IfDatabase(Migrator.ProcessorIds.AnySqlServer)
            .Execute.Sql(
                "ALTER TABLE member_transfers ALTER COLUMN to_org_path varchar(200) COLLATE Latin1_General_BIN2 NULL"
            );
        Create
            .Index("ix_member_transfers_from")
            .OnTable("member_transfers")
            .OnColumn("from_org_path")
            .Ascending()
            .OnColumn("status")
            .Ascending();
        Create
            .Index("ix_member_transfers_to")
            .OnTable("member_transfers")
            .OnColumn("to_org_path")
            .Ascending()
            .OnColumn("status")
            .Ascending();
        Create.Index("ix_member_transfers_member").OnTable("member_transfers").OnColumn("member_id");
    }

    public override void Down() => Delete.Table("member_transfers");
}
