using FluentMigrator;

namespace Jiceng.Migrations;

/// <summary>
/// ASP.NET Core Data Protection keys (they protect the session cookie) in the database rather than in the
/// user's home folder: they survive a lost folder or a new machine, and every instance reads the same ones.
/// Each row is a key's XML with its secret encrypted under the personal-data key.
/// </summary>
[Migration(202612010013, "Data Protection keys in the database")]
public sealed class M202612010013_StoreDataProtectionKeys : Migration
{
    public override void Up() =>
        Create
            .Table("data_protection_keys")
            .WithColumn("id")
            .AsAnsiString(32)
            .PrimaryKey()
            .WithColumn("friendly_name")
            .AsString(200)
            .NotNullable()
            .WithColumn("xml")
            .AsString(int.MaxValue)
            .NotNullable();

    public override void Down() => Delete.Table("data_protection_keys");
}
