using FluentMigrator;

namespace Jiceng.Migrations;

/// <summary>The development pipeline: the dates a member's record carries, and every step as history.</summary>
[Migration(202611240004, "Member development pipeline")]
public sealed class M202611240004_CreateMemberPipeline : Migration
{
    public override void Up()
    {
        Alter
            .Table("members")
            .AddColumn("applied_on")
            .AsDate()
            .Nullable()
            .AddColumn("activist_on")
            .AsDate()
            .Nullable()
            .AddColumn("candidate_on")
            .AsDate()
            .Nullable()
            .AddColumn("notice_ends_on")
            .AsDate()
            .Nullable()
            .AddColumn("extension_months")
            .AsInt32()
            .Nullable();

        Create
            .Table("member_steps")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("member_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_member_steps_member", "members", "id")
            .WithColumn("step")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("occurred_on")
            .AsDate()
            .NotNullable()
            .WithColumn("details")
            .AsString(4000)
            .NotNullable()
            .WithColumn("override_reason")
            .AsString(200)
            .Nullable()
            .WithColumn("recorded_by")
            .AsGuid()
            .Nullable()
            .WithColumn("created_at")
            .AsDateTime2()
            .NotNullable();
        Create
            .Index("ix_member_steps_member_id")
            .OnTable("member_steps")
            .OnColumn("member_id")
            .Ascending()
            .OnColumn("occurred_on")
            .Ascending();
    }

    public override void Down()
    {
        Delete.Table("member_steps");
        Delete
            .Column("applied_on")
            .Column("activist_on")
            .Column("candidate_on")
            .Column("notice_ends_on")
            .Column("extension_months")
            .FromTable("members");
    }
}
