using Dapper;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Modules.Organizations.Domain;

namespace Jiceng.Modules.Organizations;

/// <summary>Makes sure the default rule set (DOMAIN.md's values)
/// exists, so every region has rules from the first start.</summary>
internal sealed class OrganizationsInitializer(
    DbConnectionFactory connections,
    RuleSetComposition composition,
    TimeProvider clock
) : IModuleInitializer
{
    private const string CountDefaultSql = "SELECT COUNT(*) FROM rule_sets WHERE region_root_id IS NULL";

    private const string InsertDefaultSql = """
        INSERT INTO rule_sets (id, region_root_id, name, document, created_at, updated_at, version)
        VALUES (@id, NULL, @name, @document, @now, @now, 1)
        """;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long>(CountDefaultSql) > 0)
        {
            return;
        }
        await connection.ExecuteAsync(
            InsertDefaultSql,
            new
            {
                id = Guid.CreateVersion7(),
                name = "默认规则集（全国通用）",
                document = composition.Default.ToJson(),
                now = clock.GetUtcNow(),
            }
        );
    }
}
