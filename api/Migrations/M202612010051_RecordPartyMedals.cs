using FluentMigrator;

namespace Jiceng.Migrations;

/// <summary>
/// 光荣在党50年: the year a member was given the medal and who gave it, so a year's list leaves out those given it
/// in an earlier year. Given once in a lifetime, so two columns on the record rather than a table.
/// </summary>
[Migration(202612010051, "Members' 光荣在党50年 medal")]
public sealed class M202612010051_RecordPartyMedals : Migration
{
    public override void Up() =>
        Alter
            .Table("members")
            .AddColumn("medal_year")
            .AsInt32()
            .Nullable()
            .AddColumn("medal_awarded_by")
            .AsString(100)
            .Nullable();

    public override void Down()
    {
        Delete.Column("medal_year").FromTable("members");
        Delete.Column("medal_awarded_by").FromTable("members");
    }
}
