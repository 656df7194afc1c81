using FluentMigrator;

namespace Jiceng.Migrations;

/// <summary>
/// The day a member died: it takes them off the register's active lists (光荣在党50年 is for the living) while
/// the record stays as history, and it ends their party standing.
/// </summary>
[Migration(202611290011, "Members' date of death")]
public sealed class M202611290011_RecordMemberDeaths : Migration
{
    public override void Up() => Alter.Table("members").AddColumn("died_on").AsDate().Nullable();

    public override void Down() => Delete.Column("died_on").FromTable("members");
}
