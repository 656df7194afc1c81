using MiniExcelLibs;

namespace Jiceng.Infrastructure.Http;

/// <summary>An uploaded spreadsheet (.xlsx, or .csv when the file is not a zip) read as raw rows.</summary>
public static class UploadedSheet
{
    /// <summary>
    /// The first <paramref name="take"/> rows (header included) by column letter, or null when the file is not a
    /// spreadsheet MiniExcel can read: the caller answers with its own refusal, never a 500.
    /// </summary>
    public static List<IDictionary<string, object?>>? ReadRows(Stream file, int take)
    {
        try
        {
            var buffered = new MemoryStream();
            file.CopyTo(buffered);
            buffered.Position = 0;
            var isZip =
                buffered.Length > 4 && buffered.GetBuffer()[0] == (byte)'P' && buffered.GetBuffer()[1] == (byte)'K';
            return MiniExcel
                .Query(buffered, useHeaderRow: false, excelType: isZip ? ExcelType.XLSX : ExcelType.CSV)
                .Cast<IDictionary<string, object?>>()
                .Take(take)
                .ToList();
        }
        catch (Exception e)
            when (e
                    is InvalidDataException
                        or IOException
                        or FormatException
                        or InvalidOperationException
                        or System.Xml.XmlException
                        or NotSupportedException
                        or ArgumentException
                        or IndexOutOfRangeException
                        or KeyNotFoundException
            )
        {
            return null;
        }
    }
}
