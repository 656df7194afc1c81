using FluentMigrator;
using Jiceng.Infrastructure.Database;

namespace Jiceng.Migrations;

/// <summary>
/// Applications to the care fund with their steps (branch review and notice, approvals by tier, payment, the
/// recipient's confirmation, a follow-up check) and their supporting documents, stored with the application.
/// </summary>
[Migration(202612010301, "Assistance applications, their steps and documents")]
public sealed class M202612010301_CreateAssistanceApplications : Migration
{
    public override void Up()
    {
        Create
            .Table("assistance_applications")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("fund_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_assistance_applications_fund", "assistance_funds", "id")
            .WithColumn("org_id")
            .AsGuid()
            .NotNullable()
            .WithColumn("org_path")
            .AsAnsiString(200)
            .NotNullable()
            .WithColumn("member_id")
            .AsGuid()
            .NotNullable()
            .WithColumn("member_name")
            .AsString(50)
            .NotNullable()
            .WithColumn("category")
            .AsAnsiString(30)
            .NotNullable()
            .WithColumn("amount")
            .AsInt64()
            .NotNullable()
            .WithColumn("year")
            .AsInt32()
            .NotNullable()
            .WithColumn("reason")
            .AsString(1000)
            .NotNullable()
            .WithColumn("other_aid")
            .AsString(500)
            .Nullable()
            .WithColumn("other_aid_amount")
            .AsInt64()
            .NotNullable()
            .WithColumn("status")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("tier")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("repeat_of_id")
            .AsGuid()
            .Nullable()
            .WithColumn("applicant_id")
            .AsGuid()
            .Nullable()
            .WithColumn("applicant_name")
            .AsString(100)
            .NotNullable()
            .WithColumn("preparer_id")
            .AsGuid()
            .Nullable()
            .WithColumn("notice_from")
            .AsDate()
            .Nullable()
            .WithColumn("notice_to")
            .AsDate()
            .Nullable()
            .WithColumn("street_approver_id")
            .AsGuid()
            .Nullable()
            .WithColumn("district_approver_id")
            .AsGuid()
            .Nullable()
            .WithColumn("hold_id")
            .AsGuid()
            .Nullable()
            .WithColumn("payer_id")
            .AsGuid()
            .Nullable()
            .WithColumn("paid_on")
            .AsDate()
            .Nullable()
            .WithColumn("payment_method")
            .AsAnsiString(20)
            .Nullable()
            .WithColumn("payment_reference")
            .AsString(200)
            .Nullable()
            .WithColumn("entry_id")
            .AsGuid()
            .Nullable()
            .WithColumn("confirmed_on")
            .AsDate()
            .Nullable()
            .WithColumn("sampled")
            .AsBoolean()
            .NotNullable()
            .WithColumn("follow_up")
            .AsAnsiString(20)
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
            .Execute.Sql("ALTER TABLE assistance_applications ALTER COLUMN org_path TYPE varchar(200) COLLATE \"C\"");
        IfDatabase(Migrator.ProcessorIds.AnySqlServer)
            .Execute.Sql(
                "ALTER TABLE assistance_applications ALTER COLUMN org_path varchar(200) COLLATE Latin1_General_BIN2 "
                    + "NOT NULL"
            );
        Create
            .Index("ix_assistance_applications_path")
            .OnTable("assistance_applications")
            .OnColumn("org_path")
            .Ascending()
            .OnColumn("status")
            .Ascending();
        Create
            .Index("ix_assistance_applications_member")
            .OnTable("assistance_applications")
            .OnColumn("member_id")
            .Ascending()
            .OnColumn("year")
            .Ascending();
        Create.Index("ix_assistance_applications_fund").OnTable("assistance_applications").OnColumn("fund_id");

        Create
            .Table("assistance_application_steps")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("application_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_assistance_steps_application", "assistance_applications", "id")
            .WithColumn("step")
            .AsAnsiString(30)
            .NotNullable()
            .WithColumn("actor_id")
            .AsGuid()
            .Nullable()
            .WithColumn("actor_name")
            .AsString(100)
            .NotNullable()
            .WithColumn("details")
            .AsString(4000)
            .NotNullable()
            .WithColumn("created_at")
            .AsDateTime2()
            .NotNullable();
        Create
            .Index("ix_assistance_steps_application")
            .OnTable("assistance_application_steps")
            .OnColumn("application_id");

        Create
            .Table("assistance_application_documents")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("application_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_assistance_documents_application", "assistance_applications", "id")
            .WithColumn("file_name")
            .AsString(200)
            .NotNullable()
            .WithColumn("content_type")
            .AsAnsiString(100)
            .NotNullable()
            .WithColumn("size")
            .AsInt64()
            .NotNullable()
            .WithColumn("content")
            .AsBinary(int.MaxValue)
            .NotNullable()
            .WithColumn("uploaded_by")
            .AsGuid()
            .Nullable()
            .WithColumn("created_at")
            .AsDateTime2()
            .NotNullable();
        Create
            .Index("ix_assistance_documents_application")
            .OnTable("assistance_application_documents")
            .OnColumn("application_id");
    }

    public override void Down()
    {
        Delete.Table("assistance_application_documents");
        Delete.Table("assistance_application_steps");
        Delete.Table("assistance_applications");
    }
}
