using FluentMigrator;

namespace Jiceng.Migrations;

/// <summary>
/// Whether a branch has elected a branch committee (支部委员会) or has a secretary only: the setting-up rule
/// (7 full members or more: a committee; fewer: a secretary) warns both ways, and a recorded term alone cannot say
/// which, since a secretary without a committee also serves a term. Branches that had a term recorded were read as
/// having a committee until now, and keep that reading.
/// </summary>
[Migration(202612010041, "Branches record whether they have a committee")]
public sealed class M202612010041_RecordBranchCommittees : Migration
{
    private const string BackfillSql = """
        UPDATE organizations SET has_committee = @yes
        WHERE term_started_on IS NOT NULL AND kind IN ('Branch', 'JointBranch', 'TemporaryBranch')
        """;

    public override void Up()
    {
        Alter.Table("organizations").AddColumn("has_committee").AsBoolean().NotNullable().WithDefaultValue(false);
        // A parameter rather than a literal: each engine spells true differently (TRUE, 1).
        Execute.WithConnection(
            (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = BackfillSql;
                var yes = command.CreateParameter();
                yes.ParameterName = "@yes";
                yes.Value = true;
                command.Parameters.Add(yes);
                command.ExecuteNonQuery();
            }
        );
    }

    public override void Down() => Delete.Column("has_committee").FromTable("organizations");
}
