using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Members.ListMembers;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Members.ExportMembers;

/// <summary>A spreadsheet file to download.</summary>
internal sealed record SpreadsheetFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// The member register as filtered on the list, as .xlsx or .csv, in the import template's columns.
/// Masked like every response; whole only when a caller with the reveal permission gives a reason,
/// which is one audited reveal covering the file.
/// </summary>
internal sealed record ExportMembersQuery(ListMembersQuery Filter, SpreadsheetFormat Format, string? RevealReason) : IQuery<SpreadsheetFile>;

internal sealed class ExportMembersValidator : AbstractValidator<ExportMembersQuery>
{
    public ExportMembersValidator()
    {
        RuleFor(q => q.Filter).SetValidator(new ListMembersValidator());
        RuleFor(q => q.Format).IsInEnum();
    }
}

internal sealed class ExportMembersHandler(DbSession db, CurrentScope currentScope, IOrganizationDirectory organizations, PersonalDataReveal reveal,
    PersonalDataProtector protector, TimeProvider clock) : IQueryHandler<ExportMembersQuery, SpreadsheetFile>
{
    /// <summary>One file holds at most this many members: a larger register is exported organization by organization.</summary>
    public const int MaxRows = 50_000;

    public async ValueTask<SpreadsheetFile> Handle(ExportMembersQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var today = clock.Today();
        var (from, to, orgId) = await ListMembersHandler.RangeAsync(organizations, scope, query.Filter, cancellationToken);
        var order = SortOrder.Parse(query.Filter.Sort, ListMembersHandler.SortColumns, "tree,name", "id");
        var rows = await db.QueryPageAsync<MemberRow>(ListMembersHandler.CountSql, ListMembersHandler.PageSql,
            ListMembersHandler.FilterParameters(query.Filter, from, to, orgId, today), new PageRequest(1, MaxRows), order, cancellationToken);
        if (rows.Total > MaxRows)
        {
            throw new BusinessRuleException("export_too_large", $"符合条件的有 {rows.Total} 人，一次最多导出 {MaxRows} 人，请缩小范围。",
                $"{rows.Total} members match; at most {MaxRows} can be exported at a time, so narrow the filters.",
                new Dictionary<string, object?> { ["total"] = rows.Total, ["max"] = MaxRows });
        }
        var whole = false;
        if (query.RevealReason is not null)
        {
            // One reveal (permission, reason, audit row, hourly limit) for the whole file.
            var exported = query.Filter.OrganizationId;
            await reveal.RevealAsync(Permissions.MembersRevealPii, query.RevealReason, "MemberExport", exported?.ToString() ?? "scope", exported,
                $"export:{rows.Items.Count}", () => "", cancellationToken);
            whole = true;
        }
        var names = await organizations.NamesAsync(rows.Items.Select(m => m.OrgId).Distinct().ToList(), cancellationToken);
        var sheet = rows.Items.Select(m => (IDictionary<string, object>)new Dictionary<string, object>
        {
            [MemberSheets.Organization.Header] = names.GetValueOrDefault(m.OrgId, ""),
            [MemberSheets.Name.Header] = m.Name,
            [MemberSheets.Gender.Header] = MemberSheets.Label(m.Gender),
            [MemberSheets.BirthDate.Header] = MemberSheets.Date(m.BirthDate),
            [MemberSheets.IdNumber.Header] = whole ? protector.Decrypt(m.IdNumberCipher) : m.IdNumberMasked,
            [MemberSheets.Ethnicity.Header] = m.Ethnicity ?? "",
            [MemberSheets.Phone.Header] = (whole && m.PhoneCipher is not null ? protector.Decrypt(m.PhoneCipher) : m.PhoneMasked) ?? "",
            [MemberSheets.Education.Header] = m.Education is { } education ? MemberSheets.Label(education) : "",
            [MemberSheets.Occupation.Header] = m.Occupation ?? "",
            [MemberSheets.Category.Header] = MemberSheets.Label(m.Category),
            [MemberSheets.Stage.Header] = MemberSheets.Label(m.Stage),
            [MemberSheets.Status.Header] = MemberSheets.Label(m.Status),
            [MemberSheets.AppliedOn.Header] = MemberSheets.Date(m.AppliedOn),
            [MemberSheets.ActivistOn.Header] = MemberSheets.Date(m.ActivistOn),
            [MemberSheets.CandidateOn.Header] = MemberSheets.Date(m.CandidateOn),
            [MemberSheets.JoinedOn.Header] = MemberSheets.Date(m.JoinedOn),
            [MemberSheets.FullMemberOn.Header] = MemberSheets.Date(m.FullMemberOn),
        });
        var content = MemberSheets.Write(sheet, query.Format, Infrastructure.Localized.Text("党员", "Members"));
        return new SpreadsheetFile(content, query.Format.ContentType(), $"members-{today:yyyyMMdd}.{query.Format.Extension()}");
    }
}
