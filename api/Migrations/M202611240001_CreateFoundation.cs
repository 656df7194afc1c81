using FluentMigrator;
using Jiceng.Infrastructure.Database;

namespace Jiceng.Migrations;

/// <summary>Idempotency records, the organization tree and everything the Organizations module keeps.</summary>
[Migration(202611240001, "Foundation and Organizations")]
public sealed class M202611240001_CreateFoundation : Migration
{
    public override void Up()
    {
        Create.Table("idempotency_keys")
            .WithColumn("scope_key").AsAnsiString(64).PrimaryKey()
            .WithColumn("request_hash").AsAnsiString(64).NotNullable()
            .WithColumn("status_code").AsInt32().Nullable()
            .WithColumn("response_body").AsString(int.MaxValue).Nullable()
            .WithColumn("content_type").AsString(200).Nullable()
            .WithColumn("location").AsString(500).Nullable()
            .WithColumn("etag").AsString(100).Nullable()
            .WithColumn("created_at").AsDateTime2().NotNullable()
            .WithColumn("expires_at").AsDateTime2().NotNullable();
        Create.Index("ix_idempotency_keys_expires_at").OnTable("idempotency_keys").OnColumn("expires_at");

        // One row whose update serializes tree writes (create, move, dissolve) and numbers root segments.
        Create.Table("org_tree_state")
            .WithColumn("id").AsInt32().PrimaryKey()
            .WithColumn("root_seq").AsInt64().NotNullable()
            .WithColumn("lock_version").AsInt64().NotNullable();
        Insert.IntoTable("org_tree_state").Row(new { id = 1, root_seq = 0L, lock_version = 0L });

        Create.Table("organizations")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("parent_id").AsGuid().Nullable().ForeignKey("fk_organizations_parent", "organizations", "id")
            .WithColumn("path").AsAnsiString(200).NotNullable()
            .WithColumn("depth").AsInt32().NotNullable()
            .WithColumn("child_seq").AsInt64().NotNullable()
            .WithColumn("region_root_id").AsGuid().NotNullable()
            .WithColumn("name").AsString(100).NotNullable()
            .WithColumn("short_name").AsString(50).Nullable()
            .WithColumn("kind").AsAnsiString(30).NotNullable()
            .WithColumn("field").AsAnsiString(30).NotNullable()
            .WithColumn("secretary_name").AsString(50).Nullable()
            .WithColumn("established_on").AsDate().Nullable()
            .WithColumn("term_started_on").AsDate().Nullable()
            .WithColumn("description").AsString(500).Nullable()
            .WithColumn("status").AsAnsiString(20).NotNullable()
            .WithColumn("dissolved_on").AsDate().Nullable()
            .WithColumn("created_at").AsDateTime2().NotNullable()
            .WithColumn("updated_at").AsDateTime2().NotNullable()
            .WithColumn("version").AsInt64().NotNullable();

        // The subtree query is a range scan on path, which needs byte-order comparison on every engine.
        IfDatabase(Migrator.ProcessorIds.AnyPostgres).Execute.Sql("ALTER TABLE organizations ALTER COLUMN path TYPE varchar(200) COLLATE \"C\"");
        IfDatabase(Migrator.ProcessorIds.AnySqlServer).Execute.Sql("ALTER TABLE organizations ALTER COLUMN path varchar(200) COLLATE Latin1_General_BIN2 NOT NULL");
        Create.Index("ux_organizations_path").OnTable("organizations").OnColumn("path").Ascending().WithOptions().Unique();
        Create.Index("ix_organizations_parent_id").OnTable("organizations").OnColumn("parent_id");
        Create.Index("ix_organizations_region_root_id").OnTable("organizations").OnColumn("region_root_id");

        Create.Table("rule_sets")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("region_root_id").AsGuid().Nullable().ForeignKey("fk_rule_sets_region", "organizations", "id")
            .WithColumn("name").AsString(100).NotNullable()
            .WithColumn("document").AsString(int.MaxValue).NotNullable()
            .WithColumn("created_at").AsDateTime2().NotNullable()
            .WithColumn("updated_at").AsDateTime2().NotNullable()
            .WithColumn("version").AsInt64().NotNullable();
        Create.Index("ux_rule_sets_region_root_id").OnTable("rule_sets").OnColumn("region_root_id").Unique();

        Create.Table("gradings")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("org_id").AsGuid().NotNullable().ForeignKey("fk_gradings_org", "organizations", "id")
            .WithColumn("region_root_id").AsGuid().NotNullable()
            .WithColumn("year").AsInt32().NotNullable()
            .WithColumn("level").AsString(30).NotNullable()
            .WithColumn("level_rank").AsInt32().NotNullable()
            .WithColumn("is_lagging").AsBoolean().NotNullable()
            .WithColumn("score").AsInt32().Nullable()
            .WithColumn("comment").AsString(500).Nullable()
            .WithColumn("graded_on").AsDate().NotNullable()
            .WithColumn("created_at").AsDateTime2().NotNullable()
            .WithColumn("updated_at").AsDateTime2().NotNullable()
            .WithColumn("version").AsInt64().NotNullable();
        Create.Index("ux_gradings_org_year").OnTable("gradings").OnColumn("org_id").Ascending().OnColumn("year").Ascending().WithOptions().Unique();
        Create.Index("ix_gradings_year_level").OnTable("gradings").OnColumn("year").Ascending().OnColumn("level").Ascending();

        Create.Table("rectifications")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("org_id").AsGuid().NotNullable().ForeignKey("fk_rectifications_org", "organizations", "id")
            .WithColumn("region_root_id").AsGuid().NotNullable()
            .WithColumn("reasons").AsString(int.MaxValue).NotNullable()
            .WithColumn("plan_text").AsString(2000).NotNullable()
            .WithColumn("responsible_person").AsString(50).NotNullable()
            .WithColumn("flagged_on").AsDate().NotNullable()
            .WithColumn("due_on").AsDate().NotNullable()
            .WithColumn("status").AsAnsiString(20).NotNullable()
            .WithColumn("closed_on").AsDate().Nullable()
            .WithColumn("closure_note").AsString(1000).Nullable()
            .WithColumn("created_at").AsDateTime2().NotNullable()
            .WithColumn("updated_at").AsDateTime2().NotNullable()
            .WithColumn("version").AsInt64().NotNullable();
        Create.Index("ix_rectifications_org_id").OnTable("rectifications").OnColumn("org_id");
        Create.Index("ix_rectifications_status_due_on").OnTable("rectifications").OnColumn("status").Ascending().OnColumn("due_on").Ascending();

        Create.Table("rectification_notes")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("rectification_id").AsGuid().NotNullable().ForeignKey("fk_rectification_notes_rectification", "rectifications", "id")
            .WithColumn("org_id").AsGuid().NotNullable()
            .WithColumn("noted_on").AsDate().NotNullable()
            .WithColumn("content").AsString(1000).NotNullable()
            .WithColumn("created_at").AsDateTime2().NotNullable();
        Create.Index("ix_rectification_notes_rectification_id").OnTable("rectification_notes").OnColumn("rectification_id");

        Create.Table("pairings")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("org_id").AsGuid().NotNullable().ForeignKey("fk_pairings_org", "organizations", "id")
            .WithColumn("partner_org_id").AsGuid().NotNullable().ForeignKey("fk_pairings_partner", "organizations", "id")
            .WithColumn("region_root_id").AsGuid().NotNullable()
            .WithColumn("kind").AsAnsiString(30).NotNullable()
            .WithColumn("starts_on").AsDate().NotNullable()
            .WithColumn("ends_on").AsDate().Nullable()
            .WithColumn("notes").AsString(500).Nullable()
            .WithColumn("created_at").AsDateTime2().NotNullable()
            .WithColumn("updated_at").AsDateTime2().NotNullable()
            .WithColumn("version").AsInt64().NotNullable();
        Create.Index("ix_pairings_org_id").OnTable("pairings").OnColumn("org_id");
        Create.Index("ix_pairings_partner_org_id").OnTable("pairings").OnColumn("partner_org_id");

        Create.Table("coalitions")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("name").AsString(100).NotNullable()
            .WithColumn("description").AsString(1000).Nullable()
            .WithColumn("created_at").AsDateTime2().NotNullable()
            .WithColumn("updated_at").AsDateTime2().NotNullable()
            .WithColumn("version").AsInt64().NotNullable();
        Create.Index("ux_coalitions_name").OnTable("coalitions").OnColumn("name").Unique();

        Create.Table("coalition_members")
            .WithColumn("coalition_id").AsGuid().NotNullable().PrimaryKey().ForeignKey("fk_coalition_members_coalition", "coalitions", "id")
            .WithColumn("org_id").AsGuid().NotNullable().PrimaryKey().ForeignKey("fk_coalition_members_org", "organizations", "id");
        Create.Index("ix_coalition_members_org_id").OnTable("coalition_members").OnColumn("org_id");
    }

    public override void Down()
    {
        Delete.Table("coalition_members");
        Delete.Table("coalitions");
        Delete.Table("pairings");
        Delete.Table("rectification_notes");
        Delete.Table("rectifications");
        Delete.Table("gradings");
        Delete.Table("rule_sets");
        Delete.Table("organizations");
        Delete.Table("org_tree_state");
        Delete.Table("idempotency_keys");
    }
}
