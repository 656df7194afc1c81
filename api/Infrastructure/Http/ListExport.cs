using System.Data;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;

namespace Jiceng.Infrastructure.Http;

/// <summary>The file formats a list exports to.</summary>
public enum SpreadsheetFormat
{
    [Label("Excel 工作簿", "Excel workbook")]
    Xlsx,

    [Label("CSV 文件", "CSV file")]
    Csv,
}

/// <summary>A column of an exported list: its Chinese and English header, and the cell a row gives.</summary>
public sealed record ExportColumn<T>(string Chinese, string English, Func<T, object?> Cell)
{
    public string Header => Localized.Text(Chinese, English);
}

/// <summary>
/// Any list as a file: the list's own query is sent with <see cref="PageRequest.ForExport"/> (same filters,
/// same sort, same data scope), and its items are written in the request's language as .xlsx or .csv.
/// </summary>
public static class ListExport
{
    /// <summary>What an export's route documents as its success answer.</summary>
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string ContentType(this SpreadsheetFormat format) =>
        format == SpreadsheetFormat.Csv ? "text/csv; charset=utf-8" : XlsxContentType;

    public static string Extension(this SpreadsheetFormat format) => format == SpreadsheetFormat.Csv ? "csv" : "xlsx";

    /// <summary>
    /// 409 <c>export_too_large</c> past <see cref="PageRequest.MaxExportRows"/>: a file that large is no use on
    /// paper or in Excel, and building it would hold the request's memory for long.
    /// </summary>
    public static void EnsureWithinLimit(long total)
    {
        if (total > PageRequest.MaxExportRows)
        {
            throw new BusinessRuleException(
                "export_too_large",
                $"符合条件的有 {total} 条，一次最多导出 {PageRequest.MaxExportRows} 条，请缩小范围。",
                $"{total} rows match; at most {PageRequest.MaxExportRows} "
                    + "can be exported at a time, so narrow the filters.",
                new Dictionary<string, object?> { ["total"] = total, ["max"] = PageRequest.MaxExportRows }
            );
        }
    }

    /// <summary>Documents an export route: the file in either format, and 409 <c>export_too_large</c>.</summary>
    public static RouteHandlerBuilder ProducesSpreadsheet(this RouteHandlerBuilder builder) =>
        builder
            .Produces(
                StatusCodes.Status200OK,
                responseType: null,
                contentType: XlsxContentType,
                additionalContentTypes: ["text/csv"]
            )
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>
    /// The whole list as a file named <c>{name}-{yyyyMMdd}.{ext}</c> (the date in China Standard Time). The file is
    /// written row by row to a temporary file that is streamed to the client and deleted when sent: no copy of the
    /// list as cells, nor the whole file, is held in memory (six 48,000-row exports at once grew memory by 350 MB).
    /// </summary>
    public static FileStreamHttpResult File<T>(
        Paged<T> list,
        IReadOnlyList<ExportColumn<T>> columns,
        SpreadsheetFormat format,
        string sheetName,
        string name,
        TimeProvider clock
    )
    {
        EnsureWithinLimit(list.Total);
        var path = Path.Combine(Path.GetTempPath(), $"jiceng-export-{Guid.NewGuid():N}.{format.Extension()}");
        var file = new FileStream(
            path,
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.None,
            bufferSize: 81920,
            FileOptions.DeleteOnClose
        );
        try
        {
            Write(list.Items, columns, format, sheetName, file);
            file.Position = 0;
        }
        catch
        {
            file.Dispose();
            throw;
        }
        // The result disposes the stream once sent (or when the client goes away), which deletes the file.
        return TypedResults.File(file, format.ContentType(), $"{name}-{clock.Today():yyyyMMdd}.{format.Extension()}");
    }

    /// <summary>
    /// OWASP's rule against CSV injection: a text cell that a spreadsheet would read as a formula (it begins with
    /// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return, or their full-width forms, which Excel
    /// takes as formulas under Chinese input) gets a leading <c>'</c>, so Excel shows it as text. Numbers are cells of
    /// a number type, never text, so they stay numbers (a negative amount stays a negative amount); an .xlsx stores
    /// text as text and needs nothing.
    /// </summary>
    public static object NeutralizeFormula(object cell) =>
        cell is string { Length: > 0 } text
        && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '＝' or '＋' or '－' or '＠'
            ? "'" + text
            : cell;

    /// <summary>
    /// Rows under their headers (a header row even when there are none) as .xlsx or .csv (UTF-8 with a
    /// byte-order mark, so Excel reads the Chinese; text that would be a formula neutralized). Every CSV the API
    /// writes goes through here.
    /// </summary>
    public static byte[] Write<T>(
        IEnumerable<T> rows,
        IReadOnlyList<ExportColumn<T>> columns,
        SpreadsheetFormat format,
        string sheetName
    )
    {
        using var stream = new MemoryStream();
        Write(rows, columns, format, sheetName, stream);
        return stream.ToArray();
    }

    /// <summary>The same, written to a stream as the rows are enumerated.</summary>
    public static void Write<T>(
        IEnumerable<T> rows,
        IReadOnlyList<ExportColumn<T>> columns,
        SpreadsheetFormat format,
        string sheetName,
        Stream stream
    )
    {
        var excelType = format == SpreadsheetFormat.Csv ? ExcelType.CSV : ExcelType.XLSX;
        using var enumerator = rows.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            // MiniExcel takes the header row from the first row; with none, a table gives it.
            using var table = new DataTable(sheetName);
            foreach (var column in columns)
            {
                table.Columns.Add(column.Header, typeof(object));
            }
            MiniExcel.SaveAs(stream, table, sheetName: sheetName, excelType: excelType);
            return;
        }
        var cells = Cells(enumerator, columns, format == SpreadsheetFormat.Csv);
        MiniExcel.SaveAs(stream, cells, sheetName: sheetName, excelType: excelType);
    }

    /// <summary>Each row as header → cell, made only as the writer asks for it.</summary>
    private static IEnumerable<IDictionary<string, object?>> Cells<T>(
        IEnumerator<T> rows,
        IReadOnlyList<ExportColumn<T>> columns,
        bool csv
    )
    {
        var headers = columns.Select(c => c.Header).ToArray();
        do
        {
            var row = new Dictionary<string, object?>(columns.Count);
            for (var i = 0; i < columns.Count; i++)
            {
                var cell = columns[i].Cell(rows.Current);
                row[headers[i]] =
                    cell is null ? null
                    : csv ? NeutralizeFormula(cell)
                    : cell;
            }
            yield return row;
        } while (rows.MoveNext());
    }
}
