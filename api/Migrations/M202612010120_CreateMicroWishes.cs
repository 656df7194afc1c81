using FluentMigrator;
using Jiceng.Infrastructure.Database;

namespace Jiceng.Migrations;

/// <summary>
/// Micro-wishes (微心愿): a resident's small wish, its claimant, delivery and receipt. The resident's name and phone are
/// personal data: stored encrypted beside their masks, which are all that lists, exports and the public wall read.
/// </summary>
[Migration(202612010120, "Micro-wishes")]
public sealed class M202612010120_CreateMicroWishes : Migration
{
    public override void Up()
    {
        Create
            .Table("micro_wishes")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("org_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_micro_wishes_org", "organizations", "id")
            // A copy of the community's tree path (kept by the move hook): subtree filters are one range scan.
            .WithColumn("org_path")
            .AsAnsiString(200)
            .NotNullable()
            .WithColumn("kind")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("description")
            .AsString(500)
            .NotNullable()
            .WithColumn("estimated_value_fen")
            .AsInt64()
            .NotNullable()
            .WithColumn("person_name_cipher")
            .AsAnsiString(300)
            .NotNullable()
            .WithColumn("person_name_mask")
            .AsString(50)
            .NotNullable()
            .WithColumn("person_phone_cipher")
            .AsAnsiString(200)
            .Nullable()
            .WithColumn("person_phone_mask")
            .AsAnsiString(20)
            .Nullable()
            .WithColumn("beneficiary_member_id")
            .AsGuid()
            .Nullable()
            .WithColumn("state")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("placed_on")
            .AsDate()
            .NotNullable()
            .WithColumn("placed_by")
            .AsGuid()
            .Nullable()
            .WithColumn("claimant_kind")
            .AsAnsiString(20)
            .Nullable()
            .WithColumn("claimant_id")
            .AsGuid()
            .Nullable()
            .WithColumn("claimant_name")
            .AsString(100)
            .Nullable()
            .WithColumn("claimed_on")
            .AsDate()
            .Nullable()
            .WithColumn("claimed_by")
            .AsGuid()
            .Nullable()
            .WithColumn("delivered_on")
            .AsDate()
            .Nullable()
            .WithColumn("delivery_note")
            .AsString(500)
            .Nullable()
            .WithColumn("received_on")
            .AsDate()
            .Nullable()
            .WithColumn("receipt_note")
            .AsString(500)
            .Nullable()
            .WithColumn("cancelled_on")
            .AsDate()
            .Nullable()
            .WithColumn("cancel_reason")
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
        IfDatabase(Migrator.ProcessorIds.AnyPostgres)
            .Execute.Sql("ALTER TABLE micro_wishes ALTER COLUMN org_path TYPE varchar(200) COLLATE \"C\"");
        IfDatabase(Migrator.ProcessorIds.AnySqlServer)
            .Execute.Sql(
                "ALTER TABLE micro_wishes ALTER COLUMN org_path varchar(200) COLLATE Latin1_General_BIN2 NOT NULL"
            );
        Create
            .Index("ix_micro_wishes_org_path")
            .OnTable("micro_wishes")
            .OnColumn("org_path")
            .Ascending()
            .OnColumn("placed_on")
            .Ascending();
        Create
            .Index("ix_micro_wishes_state")
            .OnTable("micro_wishes")
            .OnColumn("state")
            .Ascending()
            .OnColumn("org_path")
            .Ascending();
    }

    public override void Down() => Delete.Table("micro_wishes");
}
