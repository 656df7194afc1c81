using FluentMigrator;

namespace Jiceng.Migrations;

/// <summary>
/// Server-side sessions, so signing out ends a cookie at once (one device, not the user's other sessions),
/// and sign-in failures counted per username and client address, so nobody can lock an account for everyone
/// else. The users table's failed_attempts and locked_until columns are superseded and no longer read.
/// </summary>
[Migration(202612010014, "Server-side sessions and per-address sign-in failures")]
public sealed class M202612010014_TrackSessionsAndSignInFailures : Migration
{
    public override void Up()
    {
        Create
            .Table("user_sessions")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("user_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_user_sessions_user", "users", "id")
            .WithColumn("created_at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("last_seen_at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("revoked_at")
            .AsDateTime2()
            .Nullable();
        Create.Index("ix_user_sessions_user_id").OnTable("user_sessions").OnColumn("user_id");

        // By username as typed (normalized), not user id: unknown usernames lock alike, so a lock tells nothing.
        Create
            .Table("sign_in_failures")
            .WithColumn("username")
            .AsString(50)
            .NotNullable()
            .PrimaryKey("pk_sign_in_failures")
            .WithColumn("client_address")
            .AsAnsiString(64)
            .NotNullable()
            .PrimaryKey("pk_sign_in_failures")
            .WithColumn("failed_attempts")
            .AsInt32()
            .NotNullable()
            .WithColumn("last_failed_at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("locked_until")
            .AsDateTime2()
            .Nullable();
        Create.Index("ix_sign_in_failures_last_failed_at").OnTable("sign_in_failures").OnColumn("last_failed_at");
    }

    public override void Down()
    {
        Delete.Table("sign_in_failures");
        Delete.Table("user_sessions");
    }
}
