namespace Jiceng.Infrastructure.Mediation;

/// <summary>Fields every module's lists share (paging, sorting, the search box).</summary>
internal sealed class CommonFieldNames : FieldNameCatalog
{
    public CommonFieldNames()
    {
        Name("page", "页码", "Page");
        Name("pageSize", "每页条数", "Page size");
        Name("sort", "排序", "Sort order");
        Name("q", "搜索关键词", "Search text");
    }

    protected internal override string Scope => "Jiceng";
}
