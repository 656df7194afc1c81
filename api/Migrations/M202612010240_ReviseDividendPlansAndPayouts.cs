using FluentMigrator;

namespace Jiceng.Migrations;

/// <summary>
/// Why a plan's version exists (the change that made it, told to whoever reads the old and the new side by side),
/// and the note of a payout ledger entry (why a transfer failed is failure_reason; why a payout was reversed, or
/// re-issued, is this note).
/// </summary>
[Migration(202612010240, "Dividends: revision reasons and payout notes")]
public sealed class M202612010240_ReviseDividendPlansAndPayouts : Migration
{
    public override void Up()
    {
        Alter.Table("dividend_plans").AddColumn("revision_reason").AsString(500).Nullable();
        Alter.Table("dividend_payouts").AddColumn("note").AsString(200).Nullable();
        Create
            .Index("ix_dividend_payouts_plan_status")
            .OnTable("dividend_payouts")
            .OnColumn("plan_id")
            .Ascending()
            .OnColumn("status")
            .Ascending();
    }

    public override void Down()
    {
        Delete.Index("ix_dividend_payouts_plan_status").OnTable("dividend_payouts");
        Delete.Column("note").FromTable("dividend_payouts");
        Delete.Column("revision_reason").FromTable("dividend_plans");
    }
}
