using FluentMigrator;
using FluentMigrator.Builders.Create.Table;
using Jiceng.Infrastructure.Database;

namespace Jiceng.Migrations;

/// <summary>
/// Volunteering's teams, volunteers and activities (issue 14): party volunteer teams (党员志愿服务队) under an
/// organization; volunteers (party members by reference, residents with their phone encrypted); activities with a
/// quota kept as a counter, so a sign-up is one conditional UPDATE; sessions (a sign-up and its attendance) whose
/// credited time is stored in half-hours; certificates with a unique check code.
/// </summary>
[Migration(202612010140, "Volunteer teams, volunteers, activities, sessions and certificates")]
public sealed class M202612010140_CreateVolunteerTeams : Migration
{
    private static readonly string[] PathColumns =
    [
        "volunteer_teams.org_path",
        "volunteers.org_path",
        "volunteer_activities.org_path",
        "volunteer_sessions.org_path",
        "volunteer_certificates.org_path",
    ];

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

    private static ICreateTableColumnOptionOrWithColumnSyntax Stamped(ICreateTableWithColumnSyntax table) =>
        table
            .WithColumn("created_at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("updated_at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("version")
            .AsInt64()
            .NotNullable();

    public override void Up()
    {
        Stamped(
            Owned(Create.Table("volunteers"))
                .WithColumn("kind")
                .AsString(20)
                .NotNullable()
                .WithColumn("member_id")
                .AsGuid()
                .Nullable()
                .WithColumn("name")
                .AsString(50)
                .NotNullable()
                .WithColumn("phone_cipher")
                .AsString(400)
                .Nullable()
                .WithColumn("phone_mask")
                .AsString(20)
                .Nullable()
                .WithColumn("skills")
                .AsString(400)
                .NotNullable()
        );
        Execute.Sql("CREATE UNIQUE INDEX ux_volunteers_member ON volunteers (member_id) WHERE member_id IS NOT NULL");

        Stamped(
            Owned(Create.Table("volunteer_teams"))
                .WithColumn("name")
                .AsString(100)
                .NotNullable()
                .WithColumn("leader_id")
                .AsGuid()
                .Nullable()
                .ForeignKey("fk_volunteer_teams_leader", "volunteers", "id")
                .WithColumn("skills")
                .AsString(400)
                .NotNullable()
                .WithColumn("member_count")
                .AsInt32()
                .NotNullable()
        );
        Create
            .Index("ux_volunteer_teams_name")
            .OnTable("volunteer_teams")
            .OnColumn("org_id")
            .Ascending()
            .OnColumn("name")
            .Ascending()
            .WithOptions()
            .Unique();

        Create
            .Table("volunteer_team_members")
            .WithColumn("team_id")
            .AsGuid()
            .NotNullable()
            .PrimaryKey("pk_volunteer_team_members")
            .ForeignKey("fk_volunteer_team_members_team", "volunteer_teams", "id")
            .WithColumn("volunteer_id")
            .AsGuid()
            .NotNullable()
            .PrimaryKey("pk_volunteer_team_members")
            .ForeignKey("fk_volunteer_team_members_volunteer", "volunteers", "id")
            .WithColumn("joined_at")
            .AsDateTime2()
            .NotNullable();
        Create.Index("ix_volunteer_team_members_volunteer").OnTable("volunteer_team_members").OnColumn("volunteer_id");

        Stamped(
            Owned(Create.Table("volunteer_activities"))
                .WithColumn("team_id")
                .AsGuid()
                .Nullable()
                .ForeignKey("fk_volunteer_activities_team", "volunteer_teams", "id")
                .WithColumn("title")
                .AsString(100)
                .NotNullable()
                .WithColumn("place")
                .AsString(200)
                .NotNullable()
                .WithColumn("starts_at")
                .AsDateTime2()
                .NotNullable()
                .WithColumn("ends_at")
                .AsDateTime2()
                .NotNullable()
                .WithColumn("service_day")
                .AsDate()
                .NotNullable()
                .WithColumn("quota")
                .AsInt32()
                .NotNullable()
                .WithColumn("signed_up")
                .AsInt32()
                .NotNullable()
                .WithColumn("code_secret")
                .AsString(400)
                .NotNullable()
        );

        Stamped(
            Owned(Create.Table("volunteer_sessions"))
                .WithColumn("activity_id")
                .AsGuid()
                .NotNullable()
                .ForeignKey("fk_volunteer_sessions_activity", "volunteer_activities", "id")
                .WithColumn("volunteer_id")
                .AsGuid()
                .NotNullable()
                .ForeignKey("fk_volunteer_sessions_volunteer", "volunteers", "id")
                .WithColumn("state")
                .AsString(20)
                .NotNullable()
                .WithColumn("starts_at")
                .AsDateTime2()
                .NotNullable()
                .WithColumn("ends_at")
                .AsDateTime2()
                .NotNullable()
                .WithColumn("service_day")
                .AsDate()
                .NotNullable()
                .WithColumn("checked_in_at")
                .AsDateTime2()
                .Nullable()
                .WithColumn("check_in_evidence")
                .AsString(20)
                .Nullable()
                .WithColumn("checked_out_at")
                .AsDateTime2()
                .Nullable()
                .WithColumn("check_out_evidence")
                .AsString(20)
                .Nullable()
                .WithColumn("evidence_note")
                .AsString(400)
                .Nullable()
                .WithColumn("credited_half_hours")
                .AsInt32()
                .NotNullable()
                .WithColumn("late_reason")
                .AsString(400)
                .Nullable()
                .WithColumn("recorded_by")
                .AsString(100)
                .NotNullable()
                .WithColumn("decided_by")
                .AsString(100)
                .Nullable()
                .WithColumn("decision_note")
                .AsString(400)
                .Nullable()
        );
        Create
            .Index("ux_volunteer_sessions_one")
            .OnTable("volunteer_sessions")
            .OnColumn("activity_id")
            .Ascending()
            .OnColumn("volunteer_id")
            .Ascending()
            .WithOptions()
            .Unique();
        Create
            .Index("ix_volunteer_sessions_volunteer")
            .OnTable("volunteer_sessions")
            .OnColumn("volunteer_id")
            .Ascending()
            .OnColumn("starts_at")
            .Ascending();

        Owned(Create.Table("volunteer_certificates"))
            .WithColumn("volunteer_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_volunteer_certificates_volunteer", "volunteers", "id")
            .WithColumn("number")
            .AsAnsiString(40)
            .NotNullable()
            .Unique("ux_volunteer_certificates_number")
            .WithColumn("check_code")
            .AsAnsiString(20)
            .NotNullable()
            .Unique("ux_volunteer_certificates_code")
            .WithColumn("name_mask")
            .AsString(50)
            .NotNullable()
            .WithColumn("credited_half_hours")
            .AsInt32()
            .NotNullable()
            .WithColumn("star_level")
            .AsInt32()
            .NotNullable()
            .WithColumn("issued_on")
            .AsDate()
            .NotNullable()
            .WithColumn("issued_by")
            .AsString(100)
            .NotNullable()
            .WithColumn("created_at")
            .AsDateTime2()
            .NotNullable();

        foreach (var column in PathColumns)
        {
            var (table, name) = (column.Split('.')[0], column.Split('.')[1]);
            IfDatabase(Migrator.ProcessorIds.AnyPostgres)
                .Execute.Sql($"ALTER TABLE {table} ALTER COLUMN {name} TYPE varchar(200) COLLATE \"C\"");
            IfDatabase(Migrator.ProcessorIds.AnySqlServer)
                .Execute.Sql(
                    $"ALTER TABLE {table} ALTER COLUMN {name} varchar(200) COLLATE Latin1_General_BIN2 NOT NULL"
                );
        }
        // After the collation change: SQL Server cannot alter a column an index depends on.
        Create.Index("ix_volunteers_path").OnTable("volunteers").OnColumn("org_path");
        Create.Index("ix_volunteer_teams_path").OnTable("volunteer_teams").OnColumn("org_path");
        Create
            .Index("ix_volunteer_activities_path")
            .OnTable("volunteer_activities")
            .OnColumn("org_path")
            .Ascending()
            .OnColumn("starts_at")
            .Ascending();
        Create
            .Index("ix_volunteer_sessions_path")
            .OnTable("volunteer_sessions")
            .OnColumn("org_path")
            .Ascending()
            .OnColumn("state")
            .Ascending();
        Create.Index("ix_volunteer_certificates_path").OnTable("volunteer_certificates").OnColumn("org_path");
        // SQLite cannot add a constraint to a table; there BEGIN IMMEDIATE already serializes the sign-ups.
        IfDatabase([.. Migrator.ProcessorIds.AnyPostgres, .. Migrator.ProcessorIds.AnySqlServer])
            .Execute.Sql(
                "ALTER TABLE volunteer_activities ADD CONSTRAINT ck_volunteer_activities_quota "
                    + "CHECK (signed_up >= 0 AND signed_up <= quota)"
            );
    }

    public override void Down()
    {
        Delete.Table("volunteer_certificates");
        Delete.Table("volunteer_sessions");
        Delete.Table("volunteer_activities");
        Delete.Table("volunteer_team_members");
        Delete.Table("volunteer_teams");
        Delete.Table("volunteers");
    }
}
