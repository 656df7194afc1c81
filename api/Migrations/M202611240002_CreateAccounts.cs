using FluentMigrator;
using Jiceng.Infrastructure.Database;

namespace Jiceng.Migrations;

/// <summary>Users, API clients and the append-only audit log.</summary>
[Migration(202611240002, "Accounts, API clients and audit log")]
public sealed class M202611240002_CreateAccounts : Migration
{
    public override void Up()
    {
        Create
            .Table("users")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("username")
            .AsAnsiString(50)
            .NotNullable()
            .WithColumn("display_name")
            .AsString(50)
            .NotNullable()
            .WithColumn("password_hash")
            .AsAnsiString(200)
            .NotNullable()
            .WithColumn("roles")
            .AsAnsiString(500)
            .NotNullable()
            .WithColumn("scope_org_id")
            .AsGuid()
            .Nullable()
            .ForeignKey("fk_users_scope_org", "organizations", "id")
            .WithColumn("enabled")
            .AsBoolean()
            .NotNullable()
            .WithColumn("failed_attempts")
            .AsInt32()
            .NotNullable()
            .WithColumn("locked_until")
            .AsDateTime2()
            .Nullable()
            .WithColumn("security_stamp")
            .AsAnsiString(64)
            .NotNullable()
            .WithColumn("created_at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("updated_at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("version")
            .AsInt64()
            .NotNullable();
        Create.Index("ux_users_username").OnTable("users").OnColumn("username").Unique();

        Create
            .Table("api_clients")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("name")
            .AsString(100)
            .NotNullable()
            .WithColumn("key_prefix")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("key_hash")
            .AsAnsiString(64)
            .NotNullable()
            .WithColumn("scope_org_id")
            .AsGuid()
            .Nullable()
            .ForeignKey("fk_api_clients_scope_org", "organizations", "id")
            .WithColumn("permissions")
            .AsAnsiString(2000)
            .NotNullable()
            .WithColumn("rate_limit_per_minute")
            .AsInt32()
            .NotNullable()
            .WithColumn("revoked_at")
            .AsDateTime2()
            .Nullable()
            .WithColumn("last_used_at")
            .AsDateTime2()
            .Nullable()
            .WithColumn("created_by")
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
        Create.Index("ux_api_clients_key_prefix").OnTable("api_clients").OnColumn("key_prefix").Unique();

        // Append-only: no statement in the code base updates or deletes it (an architecture test checks).
        Create
            .Table("audit_log")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("actor_type")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("actor_id")
            .AsGuid()
            .Nullable()
            .WithColumn("actor_name")
            .AsString(100)
            .NotNullable()
            .WithColumn("action")
            .AsAnsiString(100)
            .NotNullable()
            .WithColumn("entity_type")
            .AsAnsiString(50)
            .Nullable()
            .WithColumn("entity_id")
            .AsAnsiString(64)
            .Nullable()
            .WithColumn("org_id")
            .AsGuid()
            .Nullable()
            .WithColumn("org_path")
            .AsAnsiString(200)
            .Nullable()
            .WithColumn("client_address")
            .AsAnsiString(64)
            .Nullable()
            .WithColumn("request_id")
            .AsAnsiString(64)
            .Nullable()
            .WithColumn("changes")
            .AsString(int.MaxValue)
            .Nullable();
        IfDatabase(Migrator.ProcessorIds.AnyPostgres)
            .Execute.Sql("ALTER TABLE audit_log ALTER COLUMN org_path TYPE varchar(200) COLLATE \"C\"");
        IfDatabase(Migrator.ProcessorIds.AnySqlServer)
            .Execute.Sql("ALTER TABLE audit_log ALTER COLUMN org_path varchar(200) COLLATE Latin1_General_BIN2 NULL");
        Create.Index("ix_audit_log_at").OnTable("audit_log").OnColumn("at");
        Create.Index("ix_audit_log_actor_id").OnTable("audit_log").OnColumn("actor_id");
        Create
            .Index("ix_audit_log_entity")
            .OnTable("audit_log")
            .OnColumn("entity_type")
            .Ascending()
            .OnColumn("entity_id")
            .Ascending();
        Create.Index("ix_audit_log_org_path").OnTable("audit_log").OnColumn("org_path");
    }

    public override void Down()
    {
        Delete.Table("audit_log");
        Delete.Table("api_clients");
        Delete.Table("users");
    }
}
