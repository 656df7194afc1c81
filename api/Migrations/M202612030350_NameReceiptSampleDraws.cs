using FluentMigrator;

namespace Jiceng.Migrations;

/// <summary>
/// A receipt check's draw marks its applications in one statement; the draw's id on each row says which rows that
/// statement marked (a concurrent draw may have taken some of the same candidates first).
/// </summary>
[Migration(202612030350, "Assistance: the receipt-check draw that sampled an application")]
public sealed class M202612030350_NameReceiptSampleDraws : Migration
{
    public override void Up()
    {
        Alter.Table("assistance_applications").AddColumn("sample_draw_id").AsGuid().Nullable();
        Create
            .Index("ix_assistance_applications_sample_draw")
            .OnTable("assistance_applications")
            .OnColumn("sample_draw_id");
    }

    public override void Down()
    {
        Delete.Index("ix_assistance_applications_sample_draw").OnTable("assistance_applications");
        Delete.Column("sample_draw_id").FromTable("assistance_applications");
    }
}
