using Jiceng.Infrastructure.Mediation;

namespace Jiceng.Modules.Dividends;

/// <summary>The Dividends module's request fields as its forms label them (each helper appends its own).</summary>
internal sealed class DividendsFieldNames : FieldNameCatalog
{
    public DividendsFieldNames()
    {
        Name("organizationId", "所属组织", "Organization");
        Name("name", "名称", "Name");
        Name("kind", "类型", "Kind");
        Name("creditCode", "统一社会信用代码", "Unified social credit code");
        Name("landTransferredMu", "流转土地（亩）", "Land transferred (mu)");
        Name("shareManagement", "股权管理方式", "Share management");
        Name("establishedOn", "成立日期", "Established on");
        Name("year", "年度", "Year");
    }
}
