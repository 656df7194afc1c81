using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends;

/// The export of a list the API answers whole (not paged): the same file as every list export.
internal static class WholeList
{
    public static FileStreamHttpResult File<T>(
        IReadOnlyList<T> items,
        IReadOnlyList<ExportColumn<T>> columns,
        SpreadsheetFormat? format,
        string sheetName,
        string name,
        TimeProvider clock
    ) =>
        ListExport.File(
            new Paged<T>(items, items.Count, 1, Math.Max(1, items.Count)),
            columns,
            format ?? SpreadsheetFormat.Xlsx,
            sheetName,
            name,
            clock
        );
}
