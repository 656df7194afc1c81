using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Members.Domain;

/// <summary>One problem in an import file: the spreadsheet row (as Excel
/// numbers it, header = 1), the column header, the message.</summary>
internal sealed record ImportError(int Row, string Column, string Message);

/// <summary>What checking a file found: rows with data, rows that would be imported, and every problem.</summary>
internal sealed record ImportReport(int Rows, int Valid, IReadOnlyList<ImportError> Errors);

/// <summary>A row that passed every check, ready to insert.</summary>
/// <summary>A spreadsheet row as a registration, validated by the same rules as the form.</summary>
internal sealed record ImportedMember(CreateMemberRequest Body) : IRegistersMember;

internal sealed record ImportRow(
    int Row,
    OrganizationReference Organization,
    CreateMemberRequest Request,
    string IdNumber
);

/// <summary>
/// Reads a member spreadsheet and checks every row as the create route would (the same validator, the
/// same organization scope, the age at application, the same person twice in the file or already
/// registered), writing nothing. The commit route runs this again and inserts only a clean file.
/// </summary>
internal sealed class MemberImportReader(
    DbSession db,
    IOrganizationDirectory organizations,
    MemberRuleSets rules,
    PersonalDataProtector protector,
    RegisteredElsewhereAnswers elsewhere,
    TimeProvider clock
)
{
    /// <summary>Larger files are split by the department: a whole city's register is not one upload.</summary>
    public const int MaxRows = 20_000;

    private const string ExistingSql =
        "SELECT id_number_index, org_path FROM members WHERE id_number_index {in:indexes}";

    // Below SQL Server's 2,100 parameters per statement.
    private const int LookupChunk = 1000;

    // operation: the route, named in the audit rows of answers about numbers registered elsewhere.
    public async Task<(ImportReport Report, IReadOnlyList<ImportRow> Rows)> ReadAsync(
        Stream file,
        OrganizationReference target,
        DataScope scope,
        string operation,
        CancellationToken cancellationToken
    )
    {
        await elsewhere.EnsureWithinLimitAsync(scope, cancellationToken);
        var errors = new List<ImportError>();
        var sheet = ReadSheet(file, errors);
        if (sheet is null)
        {
            return (new ImportReport(0, 0, errors), []);
        }
        var (headerToKey, dataRows) = sheet.Value;
        var columns = MemberSheets.ImportColumns.ToDictionary(c => c.Key);
        foreach (
            var missing in MemberSheets.ImportColumns.Where(c => c.Required && !headerToKey.Values.Contains(c.Key))
        )
        {
            errors.Add(
                new ImportError(
                    1,
                    missing.Header,
                    Localized.Text(
                        "缺少这一列（请使用导入模板）。",
                        "This column is missing (use the import template)."
                    )
                )
            );
        }
        if (errors.Count > 0)
        {
            return (new ImportReport(dataRows.Count, 0, errors), []);
        }

        var subtree =
            await organizations.SubtreeWithinAsync(target.Id, scope, cancellationToken)
            ?? throw new Infrastructure.Http.NotFoundException("Organization");
        var byName = (await organizations.ListActiveInSubtreeAsync(subtree, cancellationToken))
            .GroupBy(o => o.Name)
            .ToDictionary(g => g.Key, g => g.ToList());
        var validator = new MemberRegistrationValidator(clock);
        var candidates = new List<ImportRow>();
        var firstRowOfId = new Dictionary<string, int>();
        foreach (var (rowNumber, cells) in dataRows)
        {
            var rowErrors = new List<ImportError>();
            string? Cell(SheetColumn column) => MemberSheets.Text(cells.GetValueOrDefault(column.Key));
            void Fail(SheetColumn column, string message) =>
                rowErrors.Add(new ImportError(rowNumber, column.Header, message));
            T? Choice<T>(SheetColumn column)
                where T : struct, Enum
            {
                var text = Cell(column);
                if (text is null)
                {
                    return null;
                }
                if (MemberSheets.TryParse<T>(text, out var value))
                {
                    return value;
                }
                Fail(
                    column,
                    Localized.Text(
                        $"“{text}”不是可选值：{MemberSheets.Choices(column)}。",
                        $"“{text}” is not one of: {MemberSheets.Choices(column)}."
                    )
                );
                return null;
            }
            DateOnly? Date(SheetColumn column)
            {
                var raw = cells.GetValueOrDefault(column.Key);
                if (MemberSheets.Text(raw) is null)
                {
                    return null;
                }
                var date = MemberSheets.ParseDate(raw);
                if (
                    date is null
                    || date < Infrastructure.Primitives.BoundedDateOnlyConverter.Earliest
                    || date > Infrastructure.Primitives.BoundedDateOnlyConverter.Latest
                )
                {
                    Fail(
                        column,
                        Localized.Text(
                            "日期格式应为 yyyy-MM-dd，且在 1900 至 2199 年之间。",
                            "A date is written yyyy-MM-dd, between 1900 and 2199."
                        )
                    );
                    return null;
                }
                return date;
            }

            var organization = target;
            if (Cell(MemberSheets.Organization) is { } organizationName && organizationName != target.Name)
            {
                if (!byName.TryGetValue(organizationName, out var matches))
                {
                    Fail(
                        MemberSheets.Organization,
                        Localized.Text(
                            $"在“{target.Name}”之下没有名为“{organizationName}”的党组织。",
                            $"There is no organization named “{organizationName}” under “{target.Name}”."
                        )
                    );
                }
                else if (matches.Count > 1)
                {
                    Fail(
                        MemberSheets.Organization,
                        Localized.Text(
                            $"“{target.Name}”之下有 {matches.Count} 个党组织名为“{organizationName}”，请分别导入。",
                            $"{matches.Count} organizations under “{target.Name}” "
                                + $"are named “{organizationName}”; import them separately."
                        )
                    );
                }
                else
                {
                    organization = matches[0];
                }
            }
            var idText = Cell(MemberSheets.IdNumber);
            if (cells.GetValueOrDefault(MemberSheets.IdNumber.Key) is double)
            {
                Fail(
                    MemberSheets.IdNumber,
                    Localized.Text(
                        "身份号码被 Excel 存成了数字，末几位已丢失；请把这一列设为文本后重新填写。",
                        "Excel stored the ID number as a number and lost its "
                            + "last digits; format the column as text and type it again."
                    )
                );
                idText = null;
            }
            var request = new CreateMemberRequest(
                organization.Id,
                Cell(MemberSheets.Name),
                null,
                Cell(MemberSheets.Ethnicity),
                null,
                idText,
                Cell(MemberSheets.Phone),
                Choice<Education>(MemberSheets.Education),
                Cell(MemberSheets.Occupation),
                Choice<MemberCategory>(MemberSheets.Category),
                Choice<MemberStage>(MemberSheets.Stage),
                Date(MemberSheets.AppliedOn),
                Date(MemberSheets.TalkOn),
                Date(MemberSheets.ActivistOn),
                Date(MemberSheets.CandidateOn),
                Date(MemberSheets.JoinedOn),
                Date(MemberSheets.FullMemberOn)
            );
            var failedColumns = rowErrors.Select(e => e.Column).ToHashSet();
            var result = await validator.ValidateAsync(new ImportedMember(request), cancellationToken);
            foreach (var failure in result.Errors)
            {
                var column = ColumnOf(failure.PropertyName, columns);
                if (
                    !failedColumns.Contains(column.Header)
                    && rowErrors.All(e => e.Column != column.Header || e.Message != failure.ErrorMessage)
                )
                {
                    Fail(column, failure.ErrorMessage);
                }
            }
            if (rowErrors.Count == 0)
            {
                var idNumber = ProtectedIdNumber.Normalize(request.IdNumber!);
                if (firstRowOfId.TryGetValue(idNumber, out var earlier))
                {
                    Fail(
                        MemberSheets.IdNumber,
                        Localized.Text($"与第 {earlier} 行是同一个人。", $"The same person as row {earlier}.")
                    );
                }
                else
                {
                    firstRowOfId[idNumber] = rowNumber;
                }
                if (rowErrors.Count == 0)
                {
                    candidates.Add(new ImportRow(rowNumber, organization, request, idNumber));
                }
            }
            errors.AddRange(rowErrors);
        }

        // Age at application and the least times between steps are rules of each row's region: the rules of all
        // organizations named are read at once.
        var pipelineRules = await rules.MemberPipelineRulesAsync(
            candidates.Select(c => c.Organization.Id).ToList(),
            cancellationToken
        );
        // Already on the register (anywhere: the same person is one record across regions).
        var indexes = candidates.ToDictionary(c => protector.BlindIndex(c.IdNumber), c => c);
        var existing = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in indexes.Keys.Chunk(LookupChunk))
        {
            foreach (
                var found in await db.QueryAsync<(string Index, string Path)>(
                    ExistingSql,
                    new { indexes = chunk },
                    cancellationToken
                )
            )
            {
                existing[found.Index] = found.Path;
            }
        }
        // Records outside the caller's scope: a few are row errors
        // that say only "elsewhere"; more make the file a probe.
        var elsewhereRows = indexes
            .Where(i => existing.TryGetValue(i.Key, out var path) && !scope.Contains(path))
            .Select(i => i.Value)
            .ToList();
        if (elsewhereRows.Count > elsewhere.ImportLimit)
        {
            throw await elsewhere.RefuseImportAsync(
                target.Id,
                operation,
                dataRows.Count,
                elsewhereRows.Count,
                cancellationToken
            );
        }
        foreach (var row in elsewhereRows)
        {
            await elsewhere.AuditImportRowAsync(target.Id, operation, row.Row, row.IdNumber, cancellationToken);
        }
        var valid = new List<ImportRow>();
        foreach (var (index, row) in indexes)
        {
            if (existing.TryGetValue(index, out var registeredAt))
            {
                errors.Add(
                    new ImportError(
                        row.Row,
                        MemberSheets.IdNumber.Header,
                        scope.Contains(registeredAt)
                            ? Localized.Text("此人已在党员名册中。", "This person is already on the register.")
                            : Localized.Text(
                                "此人已在其他党组织登记，请通过组织关系转接办理。",
                                "This person is registered elsewhere; a transfer is needed."
                            )
                    )
                );
                continue;
            }
            var rowRules = pipelineRules[row.Organization.Id];
            var request = row.Request;
            var broken = PipelineIntervals
                .BrokenBy(
                    request.AppliedOn,
                    request.ActivistOn,
                    request.CandidateOn,
                    request.JoinedOn,
                    request.FullMemberOn,
                    rowRules
                )
                .ToList();
            if (broken.Count > 0)
            {
                errors.AddRange(
                    broken.Select(b => new ImportError(
                        row.Row,
                        MemberSheets.ImportColumns.Single(c => c.Key == b.Field).Header,
                        b.Refusal().LocalizedMessage
                    ))
                );
                continue;
            }
            if (request.AppliedOn is { } appliedOn)
            {
                var age = rowRules.ApplicantMinAge.Value;
                var earliest = ChineseIdNumber.BirthDate(row.IdNumber)!.Value.AddYears(age);
                if (appliedOn < earliest)
                {
                    errors.Add(
                        new ImportError(
                            row.Row,
                            MemberSheets.AppliedOn.Header,
                            Localized.Text(
                                $"申请入党时须年满 {age} 周岁，最早可于 {earliest:yyyy-MM-dd} 申请。",
                                $"Applicants must be at least {age}; the earliest "
                                    + $"application date is {earliest:yyyy-MM-dd}."
                            )
                        )
                    );
                    continue;
                }
            }
            valid.Add(row);
        }
        errors.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : string.CompareOrdinal(a.Column, b.Column));
        return (new ImportReport(dataRows.Count, valid.Count, errors), valid);
    }

    /// <summary>"Body.AppliedOn" → the 申请入党日期 column; anything without a column of its own lands on the name.</summary>
    private static SheetColumn ColumnOf(string propertyName, IReadOnlyDictionary<string, SheetColumn> columns)
    {
        var last = propertyName.Split('.')[^1];
        var key = last.Length == 0 ? "" : char.ToLowerInvariant(last[0]) + last[1..];
        return columns.GetValueOrDefault(key)
            ?? (key == "organizationId" ? MemberSheets.Organization : MemberSheets.Name);
    }

    /// <summary>The header row mapped to column keys, and each
    /// non-empty data row (numbered as Excel shows it) by key.</summary>
    private static (
        Dictionary<string, string> HeaderToKey,
        List<(int Row, Dictionary<string, object?> Cells)> Rows
    )? ReadSheet(Stream file, List<ImportError> errors)
    {
        var raw = UploadedSheet.ReadRows(file, MaxRows + 2);
        if (raw is null)
        {
            errors.Add(
                new ImportError(
                    0,
                    "file",
                    Localized.Text(
                        "无法读取这个文件，请上传 .xlsx 或 .csv（可先下载导入模板）。",
                        "The file cannot be read; upload an .xlsx or .csv (the import template is a good start)."
                    )
                )
            );
            return null;
        }
        if (raw.Count == 0)
        {
            errors.Add(new ImportError(0, "file", Localized.Text("文件是空的。", "The file is empty.")));
            return null;
        }
        if (raw.Count > MaxRows + 1)
        {
            errors.Add(
                new ImportError(
                    0,
                    "file",
                    Localized.Text(
                        $"一次最多导入 {MaxRows} 行，请分批导入。",
                        $"At most {MaxRows} rows at a time; split the file."
                    )
                )
            );
            return null;
        }
        var headerToKey = new Dictionary<string, string>();
        foreach (var (letter, value) in raw[0])
        {
            var header = MemberSheets.Text(value);
            var column = header is null ? null : MemberSheets.ImportColumns.FirstOrDefault(c => c.Matches(header));
            if (column is not null && !headerToKey.ContainsValue(column.Key))
            {
                headerToKey[letter] = column.Key;
            }
        }
        var rows = new List<(int, Dictionary<string, object?>)>();
        for (var i = 1; i < raw.Count; i++)
        {
            var cells = new Dictionary<string, object?>();
            foreach (var (letter, key) in headerToKey)
            {
                cells[key] = raw[i].TryGetValue(letter, out var value) ? value : null;
            }
            if (cells.Values.Any(v => MemberSheets.Text(v) is not null))
            {
                rows.Add((i + 1, cells));
            }
        }
        return (headerToKey, rows);
    }
}
