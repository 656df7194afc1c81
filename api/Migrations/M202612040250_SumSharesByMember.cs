using FluentMigrator;

namespace Jiceng.Migrations;

/// <summary>
/// A plan's snapshot of the register sums each member's change lines per share type up to its cut-off date. This
/// index holds those lines in that grouping's order with the date and the delta, so the sum comes off the index alone:
/// with only (collective_id, effective_on) the engine looked up every line's row and sorted 200,000 of them for a
/// 100,000-member plan. The register as of a day groups the same way.
/// </summary>
[Migration(202612040250, "Dividends: the register's sums per member off one index")]
public sealed class M202612040250_SumSharesByMember : Migration
{
    public override void Up() =>
        Create
            .Index("ix_collective_share_change_lines_sum")
            .OnTable("collective_share_change_lines")
            .OnColumn("collective_id")
            .Ascending()
            .OnColumn("member_id")
            .Ascending()
            .OnColumn("share_type_id")
            .Ascending()
            .OnColumn("effective_on")
            .Ascending()
            .OnColumn("delta")
            .Ascending();

    public override void Down() =>
        Delete.Index("ix_collective_share_change_lines_sum").OnTable("collective_share_change_lines");
}
