using FluentMigrator;
using Jiceng.Infrastructure.Database;

namespace Jiceng.Migrations;

/// <summary>
/// Names sort by pinyin (何, 刘, 孙, 吴, 周), not by code point: PostgreSQL needs an ICU collation to say
/// <c>COLLATE zh_pinyin</c>. SQL Server ships <c>Chinese_PRC_CI_AS</c>, and SQLite's collation is registered on each
/// connection (<see cref="ChineseCollation"/>), so neither needs a change in the database.
/// </summary>
[Migration(202612010050, "Chinese pinyin collation")]
public sealed class M202612010050_CreateChinesePinyinCollation : Migration
{
    public override void Up() =>
        IfDatabase(Migrator.ProcessorIds.AnyPostgres)
            .Execute.Sql(
                "CREATE COLLATION IF NOT EXISTS "
                    + ChineseCollation.Name
                    + " (provider = icu, locale = '"
                    + ChineseCollation.IcuLocale
                    + "')"
            );

    public override void Down() =>
        IfDatabase(Migrator.ProcessorIds.AnyPostgres).Execute.Sql("DROP COLLATION IF EXISTS " + ChineseCollation.Name);
}
