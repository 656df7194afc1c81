using System.Xml.Linq;
using Dapper;
using Jiceng.Infrastructure.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace Jiceng.Infrastructure.Security;

/// <summary>
/// Data Protection (which signs and encrypts the session cookie) keeps its keys in the database, encrypted
/// with the personal-data key: a restart, a lost home folder or a second instance on the same database all
/// read the same keys, so sessions survive and any instance accepts another's cookie. Instances must share
/// the personal-data keys (<c>Security:DataKeys</c>), or they cannot read each other's key rows.
/// </summary>
public static class DataProtectionSetup
{
    /// <summary>Fixed, so instances installed in different folders share cookies (the default is the folder).</summary>
    public const string ApplicationName = "Jiceng";

    public static IServiceCollection AddJicengDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(
            provider => new ConfigureOptions<KeyManagementOptions>(options =>
            {
                var protector = provider.GetRequiredService<PersonalDataProtector>();
                options.XmlRepository = new DatabaseXmlRepository(provider.GetRequiredService<DbConnectionFactory>());
                options.XmlEncryptor = new PersonalDataKeyXmlEncryptor(protector);
            })
        );
        return services;
    }
}

/// <summary>Data Protection's key store: one row per key (or revocation) in <c>data_protection_keys</c>.</summary>
internal sealed class DatabaseXmlRepository(DbConnectionFactory connections) : IXmlRepository
{
    private const string AllKeysSql = "SELECT xml FROM data_protection_keys ORDER BY id";

    private const string InsertKeySql =
        "INSERT INTO data_protection_keys (id, friendly_name, xml) VALUES (@id, @friendlyName, @xml)";

    // The interface is synchronous; Data Protection calls it when it loads or renews its key ring, not per request.
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = connections.Open();
        return connection
            .Query<string>(connections.Dialect.Render(AllKeysSql))
            .Select(xml => XElement.Parse(xml))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = connections.Open();
        connection.Execute(
            connections.Dialect.Render(InsertKeySql),
            new
            {
                id = Guid.CreateVersion7().ToString("N"),
                friendlyName,
                xml = element.ToString(SaveOptions.DisableFormatting),
            }
        );
    }
}

/// <summary>Encrypts a Data Protection key's secret with the personal-data key (AES-256-GCM, key id inside).</summary>
internal sealed class PersonalDataKeyXmlEncryptor(PersonalDataProtector protector) : IXmlEncryptor
{
    public const string ElementName = "personalDataKeyEncrypted";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(
            new XElement(ElementName, protector.Encrypt(plaintextElement.ToString(SaveOptions.DisableFormatting))),
            typeof(PersonalDataKeyXmlDecryptor)
        );
}

/// <summary>Created by Data Protection from the type named in a stored key, with the application's services.</summary>
internal sealed class PersonalDataKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        XElement.Parse(services.GetRequiredService<PersonalDataProtector>().Decrypt(encryptedElement.Value));
}
