using FluentMigrator;
using Jiceng.Infrastructure.Database;

namespace Jiceng.Migrations;

/// <summary>The member register. Personal data is stored
/// encrypted; the ID number also as a keyed blind index.</summary>
[Migration(202611240003, "Members")]
public sealed class M202611240003_CreateMembers : Migration
{
    public override void Up()
    {
        Create
            .Table("members")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("org_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_members_org", "organizations", "id")
            // A copy of the organization's tree path, kept in step by the Organizations move hook, so subtree
            // scopes and filters are one range scan without joining another module's table.
            .WithColumn("org_path")
            .AsAnsiString(200)
            .NotNullable()
            .WithColumn("name")
            .AsString(50)
            .NotNullable()
            .WithColumn("gender")
            .AsAnsiString(10)
            .NotNullable()
            .WithColumn("ethnicity")
            .AsString(20)
            .Nullable()
            .WithColumn("birth_date")
            .AsDate()
            .NotNullable()
            .WithColumn("id_number_cipher")
            .AsAnsiString(200)
            .NotNullable()
            .WithColumn("id_number_index")
            .AsAnsiString(64)
            .NotNullable()
            .WithColumn("id_number_masked")
            .AsAnsiString(18)
            .NotNullable()
            .WithColumn("phone_cipher")
            .AsAnsiString(200)
            .Nullable()
            .WithColumn("phone_masked")
            .AsAnsiString(20)
            .Nullable()
            .WithColumn("education")
            .AsAnsiString(20)
            .Nullable()
            .WithColumn("occupation")
            .AsString(50)
            .Nullable()
            .WithColumn("category")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("stage")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("status")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("joined_on")
            .AsDate()
            .Nullable()
            .WithColumn("full_member_on")
            .AsDate()
            .Nullable()
            .WithColumn("last_org_life_on")
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
        // Paths compare byte-wise on every provider (before the index on them exists).
        IfDatabase(Migrator.ProcessorIds.AnyPostgres)
            .Execute.Sql("ALTER TABLE members ALTER COLUMN org_path TYPE varchar(200) COLLATE \"C\"");
        IfDatabase(Migrator.ProcessorIds.AnySqlServer)
            .Execute.Sql("ALTER TABLE members ALTER COLUMN org_path varchar(200) COLLATE Latin1_General_BIN2 NOT NULL");
        Create.Index("ux_members_id_number_index").OnTable("members").OnColumn("id_number_index").Unique();
        Create
            .Index("ix_members_org_path")
            .OnTable("members")
            .OnColumn("org_path")
            .Ascending()
            .OnColumn("name")
            .Ascending();
        Create
            .Index("ix_members_org_id")
            .OnTable("members")
            .OnColumn("org_id")
            .Ascending()
            .OnColumn("stage")
            .Ascending();
    }

    public override void Down() => Delete.Table("members");
}
