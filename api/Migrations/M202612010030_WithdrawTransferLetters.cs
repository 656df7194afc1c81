using FluentMigrator;

namespace Jiceng.Migrations;

/// <summary>
/// A transfer letter the sending organization withdraws (an expired one, or one issued in error) stays as history,
/// with the day, the reason and who withdrew it; only then may a new letter be issued while it is still valid.
/// </summary>
[Migration(202612010030, "Withdrawn transfer letters")]
public sealed class M202612010030_WithdrawTransferLetters : Migration
{
    public override void Up() =>
        Alter
            .Table("member_transfers")
            .AddColumn("withdrawn_on")
            .AsDate()
            .Nullable()
            .AddColumn("withdrawal_reason")
            .AsString(500)
            .Nullable()
            .AddColumn("withdrawn_by")
            .AsGuid()
            .Nullable();

    public override void Down()
    {
        Delete.Column("withdrawn_by").FromTable("member_transfers");
        Delete.Column("withdrawal_reason").FromTable("member_transfers");
        Delete.Column("withdrawn_on").FromTable("member_transfers");
    }
}
