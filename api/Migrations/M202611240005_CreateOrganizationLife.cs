using FluentMigrator;

namespace Jiceng.Migrations;

/// <summary>Organization life (三会一课): meetings with their attendees;
/// a member's last attendance is kept on the member.</summary>
[Migration(202611240005, "Organization life meetings")]
public sealed class M202611240005_CreateOrganizationLife : Migration
{
    public override void Up()
    {
        Create
            .Table("org_meetings")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("org_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_org_meetings_org", "organizations", "id")
            .WithColumn("kind")
            .AsAnsiString(30)
            .NotNullable()
            .WithColumn("held_on")
            .AsDate()
            .NotNullable()
            .WithColumn("topic")
            .AsString(200)
            .Nullable()
            .WithColumn("attendee_count")
            .AsInt32()
            .NotNullable()
            .WithColumn("recorded_by")
            .AsGuid()
            .Nullable()
            .WithColumn("created_at")
            .AsDateTime2()
            .NotNullable();
        Create
            .Index("ix_org_meetings_org_id")
            .OnTable("org_meetings")
            .OnColumn("org_id")
            .Ascending()
            .OnColumn("held_on")
            .Descending();

        Create
            .Table("org_meeting_attendees")
            .WithColumn("meeting_id")
            .AsGuid()
            .NotNullable()
            .PrimaryKey()
            .ForeignKey("fk_attendees_meeting", "org_meetings", "id")
            .WithColumn("member_id")
            .AsGuid()
            .NotNullable()
            .PrimaryKey()
            .ForeignKey("fk_attendees_member", "members", "id");
    }

    public override void Down()
    {
        Delete.Table("org_meeting_attendees");
        Delete.Table("org_meetings");
    }
}
