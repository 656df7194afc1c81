using FluentValidation;
using FluentValidation.Results;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Organizations.Domain;

/// <summary>
/// Organizations named in a request body (a parent, a partner, a coalition member) that do not exist are
/// a 400 on that field, so the form can show it; dissolved ones are a 409.
/// </summary>
internal static class OrganizationReferences
{
    /// <summary>An organization outside the caller's scope is reported exactly like one that does not exist.</summary>
    public static async Task<TreeNode> FindActiveAsync(
        DbSession db,
        DataScope scope,
        Guid id,
        string field,
        CancellationToken cancellationToken
    )
    {
        var node =
            await db.QuerySingleOrDefaultAsync<TreeNode>(
                OrganizationTree.FindNodeSql,
                new
                {
                    id,
                    scopeFrom = scope.From,
                    scopeTo = scope.To,
                },
                cancellationToken
            ) ?? throw Missing(field);
        return node.Status == OrganizationStatus.Active ? node : throw OrganizationErrors.Dissolved(node.Name);
    }

    public static ValidationException Missing(string field) =>
        new([
            new ValidationFailure(
                field,
                Localized.Text("所选党组织不存在。", "The selected organization does not exist.")
            ),
        ]);
}
