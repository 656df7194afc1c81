using FluentMigrator;
using Jiceng.Infrastructure.Database;

namespace Jiceng.Migrations;

/// <summary>
/// The yearly cap per person is decided by one conditional statement on a row per person and year that counts
/// what is committed to them: what was paid (less what was reversed) and what approvals hold. Two approvals or
/// payments at once can then no longer both pass a check that read the sum before either wrote. A hold names its
/// payee and the year it counts in, so releasing or paying it moves the count. The rows start from the ledger and
/// the active holds as they are.
/// </summary>
[Migration(202612030351, "Assistance: what is committed to each person per year, for the yearly cap")]
public sealed class M202612030351_CountYearlyCapsPerPerson : Migration
{
    private const string HoldPayeesSql = """
        UPDATE assistance_fund_holds
        SET payee_member_id = (SELECT a.member_id FROM assistance_applications a
                WHERE a.id = assistance_fund_holds.subject_id),
            cap_year = (SELECT a.year FROM assistance_applications a WHERE a.id = assistance_fund_holds.subject_id)
        WHERE status = 'Active'
        """;

    // {year} is the engine's year of occurred_on (a template, not a statement: the T-SQL parsing test reads the
    // statements the migration runs for SQL Server instead).
    private const string CountsTemplate = """
        INSERT INTO assistance_member_caps (member_id, year, committed)
        SELECT member_id, year, SUM(amount) FROM (
            SELECT payee_member_id AS member_id, {year} AS year, -amount AS amount FROM assistance_ledger_entries
            WHERE payee_member_id IS NOT NULL AND kind IN ('Disbursement', 'Reversal')
            UNION ALL
            SELECT payee_member_id, cap_year, amount FROM assistance_fund_holds
            WHERE status = 'Active' AND payee_member_id IS NOT NULL AND cap_year IS NOT NULL
        ) t
        GROUP BY member_id, year
        """;

    public override void Up()
    {
        Create
            .Table("assistance_member_caps")
            .WithColumn("member_id")
            .AsGuid()
            .NotNullable()
            .PrimaryKey("pk_assistance_member_caps")
            .WithColumn("year")
            .AsInt32()
            .NotNullable()
            .PrimaryKey("pk_assistance_member_caps")
            .WithColumn("committed")
            .AsInt64()
            .NotNullable();
        Alter
            .Table("assistance_fund_holds")
            .AddColumn("payee_member_id")
            .AsGuid()
            .Nullable()
            .AddColumn("cap_year")
            .AsInt32()
            .Nullable();
        Execute.Sql(HoldPayeesSql);
        IfDatabase(Migrator.ProcessorIds.Sqlite)
            .Execute.Sql(CountsTemplate.Replace("{year}", "CAST(SUBSTR(occurred_on, 1, 4) AS INTEGER)"));
        IfDatabase(Migrator.ProcessorIds.AnyPostgres)
            .Execute.Sql(CountsTemplate.Replace("{year}", "CAST(EXTRACT(YEAR FROM occurred_on) AS INTEGER)"));
        IfDatabase(Migrator.ProcessorIds.AnySqlServer)
            .Execute.Sql(CountsTemplate.Replace("{year}", "YEAR(occurred_on)"));
    }

    public override void Down()
    {
        Delete.Column("cap_year").FromTable("assistance_fund_holds");
        Delete.Column("payee_member_id").FromTable("assistance_fund_holds");
        Delete.Table("assistance_member_caps");
    }
}
