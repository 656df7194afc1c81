using FluentMigrator;
using Jiceng.Infrastructure.Database;

namespace Jiceng.Migrations;

/// <summary>
/// 党内关怀帮扶资金: one fund per organization (a city's, and sub-funds down the tree), its append-only ledger and the
/// holds approvals place on it. The fund row keeps the balance (Σ of its ledger) and what is held, so an overdraft
/// can be refused in one conditional UPDATE; the database refuses a negative balance, a hold above the balance, and
/// any UPDATE or DELETE of a ledger entry (corrections are reversing entries).
/// </summary>
[Migration(202612010300, "Assistance funds, their ledger and holds")]
public sealed class M202612010300_CreateAssistanceFunds : Migration
{
    public override void Up()
    {
        Create
            .Table("assistance_funds")
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
            .NotNullable()
            .WithColumn("parent_fund_id")
            .AsGuid()
            .Nullable()
            .ForeignKey("fk_assistance_funds_parent", "assistance_funds", "id")
            .WithColumn("name")
            .AsString(100)
            .NotNullable()
            .WithColumn("balance")
            .AsInt64()
            .NotNullable()
            .WithColumn("held")
            .AsInt64()
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
        IfDatabase(Migrator.ProcessorIds.AnyPostgres)
            .Execute.Sql("ALTER TABLE assistance_funds ALTER COLUMN org_path TYPE varchar(200) COLLATE \"C\"");
        IfDatabase(Migrator.ProcessorIds.AnySqlServer)
            .Execute.Sql(
                "ALTER TABLE assistance_funds ALTER COLUMN org_path varchar(200) COLLATE Latin1_General_BIN2 NOT NULL"
            );
        Create
            .Index("ux_assistance_funds_org")
            .OnTable("assistance_funds")
            .OnColumn("org_id")
            .Ascending()
            .WithOptions()
            .Unique();
        Create.Index("ix_assistance_funds_org_path").OnTable("assistance_funds").OnColumn("org_path");

        Create
            .Table("assistance_ledger_entries")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("fund_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_assistance_ledger_fund", "assistance_funds", "id")
            .WithColumn("kind")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("source")
            .AsAnsiString(30)
            .Nullable()
            .WithColumn("purpose")
            .AsString(200)
            .Nullable()
            .WithColumn("amount")
            .AsInt64()
            .NotNullable()
            .WithColumn("occurred_on")
            .AsDate()
            .NotNullable()
            .WithColumn("counter_entry_id")
            .AsGuid()
            .Nullable()
            .WithColumn("counter_fund_id")
            .AsGuid()
            .Nullable()
            .WithColumn("reverses_entry_id")
            .AsGuid()
            .Nullable()
            .ForeignKey("fk_assistance_ledger_reverses", "assistance_ledger_entries", "id")
            .WithColumn("payee_member_id")
            .AsGuid()
            .Nullable()
            .WithColumn("payment_kind")
            .AsAnsiString(20)
            .Nullable()
            .WithColumn("subject_id")
            .AsGuid()
            .Nullable()
            .WithColumn("reference")
            .AsString(200)
            .Nullable()
            .WithColumn("reason")
            .AsString(500)
            .Nullable()
            .WithColumn("recorded_by")
            .AsGuid()
            .Nullable()
            .WithColumn("recorded_by_name")
            .AsString(100)
            .NotNullable()
            .WithColumn("created_at")
            .AsDateTime2()
            .NotNullable();
        Create
            .Index("ix_assistance_ledger_fund")
            .OnTable("assistance_ledger_entries")
            .OnColumn("fund_id")
            .Ascending()
            .OnColumn("occurred_on")
            .Ascending();
        // A payee's payments of a year (the yearly cap counts every kind of payment to the person).
        Create
            .Index("ix_assistance_ledger_payee")
            .OnTable("assistance_ledger_entries")
            .OnColumn("payee_member_id")
            .Ascending()
            .OnColumn("occurred_on")
            .Ascending();
        // An entry is reversed at most once: a second reversal meets this index (same text on every engine).
        Execute.Sql(
            "CREATE UNIQUE INDEX ux_assistance_ledger_reverses ON assistance_ledger_entries (reverses_entry_id) "
                + "WHERE reverses_entry_id IS NOT NULL"
        );

        Create
            .Table("assistance_fund_holds")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("fund_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_assistance_holds_fund", "assistance_funds", "id")
            .WithColumn("subject_id")
            .AsGuid()
            .NotNullable()
            .WithColumn("amount")
            .AsInt64()
            .NotNullable()
            .WithColumn("status")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("settled_entry_id")
            .AsGuid()
            .Nullable()
            .WithColumn("created_at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("settled_at")
            .AsDateTime2()
            .Nullable();
        Create.Index("ix_assistance_holds_fund").OnTable("assistance_fund_holds").OnColumn("fund_id");
        // One active hold per application (or visit): approving twice cannot reserve twice.
        Execute.Sql(
            "CREATE UNIQUE INDEX ux_assistance_holds_subject_active ON assistance_fund_holds (subject_id) "
                + "WHERE status = 'Active'"
        );

        GuardTheDatabase();
    }

    private const string SqliteGuards = """
        CREATE TRIGGER assistance_funds_not_overdrawn_insert BEFORE INSERT ON assistance_funds
        WHEN NEW.balance < 0 OR NEW.held < 0 OR NEW.held > NEW.balance
        BEGIN SELECT RAISE(ABORT, 'assistance fund overdrawn'); END;
        CREATE TRIGGER assistance_funds_not_overdrawn_update BEFORE UPDATE ON assistance_funds
        WHEN NEW.balance < 0 OR NEW.held < 0 OR NEW.held > NEW.balance
        BEGIN SELECT RAISE(ABORT, 'assistance fund overdrawn'); END;
        CREATE TRIGGER assistance_ledger_no_update BEFORE UPDATE ON assistance_ledger_entries
        BEGIN SELECT RAISE(ABORT, 'assistance_ledger_entries is append-only'); END;
        CREATE TRIGGER assistance_ledger_no_delete BEFORE DELETE ON assistance_ledger_entries
        BEGIN SELECT RAISE(ABORT, 'assistance_ledger_entries is append-only'); END;
        CREATE TRIGGER assistance_ledger_not_zero BEFORE INSERT ON assistance_ledger_entries
        WHEN NEW.amount = 0
        BEGIN SELECT RAISE(ABORT, 'a ledger entry moves money'); END;
        """;

    private const string PostgresGuards = """
        ALTER TABLE assistance_funds ADD CONSTRAINT ck_assistance_funds_not_overdrawn
        CHECK (balance >= 0 AND held >= 0 AND held <= balance);
        ALTER TABLE assistance_ledger_entries ADD CONSTRAINT ck_assistance_ledger_not_zero CHECK (amount <> 0);
        CREATE FUNCTION assistance_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
        RAISE EXCEPTION 'assistance_ledger_entries is append-only';
        END;
        $$;
        CREATE TRIGGER assistance_ledger_no_change BEFORE UPDATE OR DELETE ON assistance_ledger_entries
        FOR EACH ROW EXECUTE FUNCTION assistance_ledger_append_only();
        """;

    private const string SqlServerChecks = """
        ALTER TABLE assistance_funds ADD CONSTRAINT ck_assistance_funds_not_overdrawn
        CHECK (balance >= 0 AND held >= 0 AND held <= balance);
        ALTER TABLE assistance_ledger_entries ADD CONSTRAINT ck_assistance_ledger_not_zero CHECK (amount <> 0);
        """;

    private const string SqlServerAppendOnlyTrigger = """
        CREATE TRIGGER assistance_ledger_append_only ON assistance_ledger_entries
        INSTEAD OF UPDATE, DELETE AS
        BEGIN
        THROW 51000, 'assistance_ledger_entries is append-only', 1;
        END
        """;

    private void GuardTheDatabase()
    {
        // SQLite cannot add a CHECK to an existing table; triggers refuse the same rows.
        IfDatabase(Migrator.ProcessorIds.Sqlite).Execute.Sql(SqliteGuards);
        IfDatabase(Migrator.ProcessorIds.AnyPostgres).Execute.Sql(PostgresGuards);
        IfDatabase(Migrator.ProcessorIds.AnySqlServer).Execute.Sql(SqlServerChecks);
        // CREATE TRIGGER must be the only statement of its batch on SQL Server.
        IfDatabase(Migrator.ProcessorIds.AnySqlServer).Execute.Sql(SqlServerAppendOnlyTrigger);
    }

    public override void Down()
    {
        IfDatabase(Migrator.ProcessorIds.AnyPostgres)
            .Execute.Sql("DROP TRIGGER IF EXISTS assistance_ledger_no_change ON assistance_ledger_entries");
        Delete.Table("assistance_fund_holds");
        Delete.Table("assistance_ledger_entries");
        Delete.Table("assistance_funds");
        IfDatabase(Migrator.ProcessorIds.AnyPostgres)
            .Execute.Sql("DROP FUNCTION IF EXISTS assistance_ledger_append_only()");
    }
}
