using FluentMigrator;

namespace Jiceng.Migrations;

/// <summary>
/// A supporting document's file name is personal data (it often names the person or the illness): it is kept
/// encrypted beside the masked name the lists show, and the size limit on the masked column stays as it was.
/// </summary>
[Migration(202612010340, "Assistance documents: encrypted file name")]
public sealed class M202612010340_EncryptAssistanceDocumentNames : Migration
{
    public override void Up()
    {
        Alter
            .Table("assistance_application_documents")
            .AddColumn("file_name_cipher")
            .AsString(1000)
            .Nullable()
            .AddColumn("uploaded_by_name")
            .AsString(100)
            .Nullable();
    }

    public override void Down()
    {
        Delete.Column("file_name_cipher").FromTable("assistance_application_documents");
        Delete.Column("uploaded_by_name").FromTable("assistance_application_documents");
    }
}
