using FluentMigrator;

namespace Jiceng.Migrations;

/// <summary>困难党员: the hardship register with its history; the details are personal data, stored encrypted.</summary>
[Migration(202611240007, "Member hardships")]
public sealed class M202611240007_CreateMemberHardships : Migration
{
    public override void Up()
    {
        Create
            .Table("member_hardships")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("member_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_member_hardships_member", "members", "id")
            .WithColumn("category")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("since")
            .AsDate()
            .NotNullable()
            .WithColumn("until")
            .AsDate()
            .Nullable()
            .WithColumn("notes_cipher")
            .AsAnsiString(4000)
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
        Create
            .Index("ix_member_hardships_member")
            .OnTable("member_hardships")
            .OnColumn("member_id")
            .Ascending()
            .OnColumn("since")
            .Ascending();
    }

    public override void Down() => Delete.Table("member_hardships");
}
