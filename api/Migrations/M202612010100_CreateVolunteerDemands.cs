using FluentMigrator;
using Jiceng.Infrastructure.Database;

namespace Jiceng.Migrations;

/// <summary>
/// 群众点单: residents' demands with their steps. The requester's name and phone are personal data (ciphertext and
/// mask); the demand keeps a copy of its organization's path (subtree lists are one range scan, rewritten by the
/// move hook) and its region root (a later split by region). The claimant is one column set: exactly one claimant is
/// one conditional UPDATE on this row.
/// </summary>
[Migration(202612010100, "Volunteer demands")]
public sealed class M202612010100_CreateVolunteerDemands : Migration
{
    public override void Up()
    {
        Create
            .Table("volunteer_demands")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("org_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_volunteer_demands_org", "organizations", "id")
            .WithColumn("org_path")
            .AsAnsiString(200)
            .NotNullable()
            .WithColumn("region_id")
            .AsGuid()
            .NotNullable()
            .WithColumn("category")
            .AsString(20)
            .NotNullable()
            .WithColumn("description")
            .AsString(1000)
            .NotNullable()
            .WithColumn("requester_name_cipher")
            .AsAnsiString(400)
            .NotNullable()
            .WithColumn("requester_name_masked")
            .AsString(50)
            .NotNullable()
            .WithColumn("requester_phone_cipher")
            .AsAnsiString(200)
            .NotNullable()
            .WithColumn("requester_phone_masked")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("beneficiary_member_id")
            .AsGuid()
            .Nullable()
            .WithColumn("beneficiary_name")
            .AsString(50)
            .Nullable()
            .WithColumn("urgency")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("wished_on")
            .AsDate()
            .Nullable()
            .WithColumn("channel")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("state")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("submitted_on")
            .AsDate()
            .NotNullable()
            .WithColumn("accept_due_on")
            .AsDate()
            .NotNullable()
            .WithColumn("assign_due_on")
            .AsDate()
            .Nullable()
            // The deadline of the step the demand waits for (accept, dispatch or claim, completion), null when none:
            // the overdue list is "due_on < today" and sorts by it, whatever the state.
            .WithColumn("due_on")
            .AsDate()
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
            .WithColumn("assignment")
            .AsAnsiString(20)
            .Nullable()
            .WithColumn("assigned_at")
            .AsDateTime2()
            .Nullable()
            .WithColumn("accepted_at")
            .AsDateTime2()
            .Nullable()
            .WithColumn("started_at")
            .AsDateTime2()
            .Nullable()
            .WithColumn("completed_at")
            .AsDateTime2()
            .Nullable()
            .WithColumn("completed_on")
            .AsDate()
            .Nullable()
            .WithColumn("work_done")
            .AsString(1000)
            .Nullable()
            .WithColumn("service_minutes")
            .AsInt32()
            .Nullable()
            .WithColumn("value_fen")
            .AsInt64()
            .Nullable()
            .WithColumn("stars")
            .AsInt32()
            .Nullable()
            .WithColumn("rating_comment")
            .AsString(500)
            .Nullable()
            .WithColumn("rated_at")
            .AsDateTime2()
            .Nullable()
            .WithColumn("closed_at")
            .AsDateTime2()
            .Nullable()
            .WithColumn("followed_up_at")
            .AsDateTime2()
            .Nullable()
            .WithColumn("reason")
            .AsString(500)
            .Nullable()
            .WithColumn("created_by")
            .AsGuid()
            .Nullable()
            .WithColumn("created_by_client")
            .AsGuid()
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
            .Execute.Sql("ALTER TABLE volunteer_demands ALTER COLUMN org_path TYPE varchar(200) COLLATE \"C\"");
        IfDatabase(Migrator.ProcessorIds.AnySqlServer)
            .Execute.Sql(
                "ALTER TABLE volunteer_demands ALTER COLUMN org_path varchar(200) COLLATE Latin1_General_BIN2 NOT NULL"
            );
        Create
            .Index("ix_volunteer_demands_org_path")
            .OnTable("volunteer_demands")
            .OnColumn("org_path")
            .Ascending()
            .OnColumn("state")
            .Ascending();
        Create
            .Index("ix_volunteer_demands_state")
            .OnTable("volunteer_demands")
            .OnColumn("state")
            .Ascending()
            .OnColumn("org_path")
            .Ascending();
        Create
            .Index("ix_volunteer_demands_due_on")
            .OnTable("volunteer_demands")
            .OnColumn("due_on")
            .Ascending()
            .OnColumn("org_path")
            .Ascending();
        Create
            .Index("ix_volunteer_demands_claimant")
            .OnTable("volunteer_demands")
            .OnColumn("claimant_id")
            .Ascending()
            .OnColumn("state")
            .Ascending();

        Create
            .Table("volunteer_demand_steps")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("demand_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_volunteer_demand_steps_demand", "volunteer_demands", "id")
            .WithColumn("step")
            .AsAnsiString(30)
            .NotNullable()
            .WithColumn("state")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("note")
            .AsString(500)
            .Nullable()
            .WithColumn("details")
            .AsString(4000)
            .Nullable()
            .WithColumn("recorded_by")
            .AsGuid()
            .Nullable()
            .WithColumn("recorded_by_name")
            .AsString(100)
            .Nullable()
            .WithColumn("created_at")
            .AsDateTime2()
            .NotNullable();
        Create
            .Index("ix_volunteer_demand_steps_demand")
            .OnTable("volunteer_demand_steps")
            .OnColumn("demand_id")
            .Ascending()
            .OnColumn("created_at")
            .Ascending();

        // Hours per helper of a completed demand (members by id, others by name), for the hours totals.
        Create
            .Table("volunteer_demand_helpers")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("demand_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_volunteer_demand_helpers_demand", "volunteer_demands", "id")
            .WithColumn("member_id")
            .AsGuid()
            .Nullable()
            .WithColumn("name")
            .AsString(50)
            .NotNullable()
            .WithColumn("minutes")
            .AsInt32()
            .NotNullable()
            .WithColumn("served_on")
            .AsDate()
            .NotNullable();
        Create
            .Index("ix_volunteer_demand_helpers_demand")
            .OnTable("volunteer_demand_helpers")
            .OnColumn("demand_id")
            .Ascending();
        Create
            .Index("ix_volunteer_demand_helpers_member")
            .OnTable("volunteer_demand_helpers")
            .OnColumn("member_id")
            .Ascending();
    }

    public override void Down()
    {
        Delete.Table("volunteer_demand_helpers");
        Delete.Table("volunteer_demand_steps");
        Delete.Table("volunteer_demands");
    }
}
