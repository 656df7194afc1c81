using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Members.ExportMembers;

/// <summary>
/// The member register as filtered on the list, for a file in the import template's columns. Masked like every
/// response; whole only when a caller with the reveal permission gives a reason, and then each member in the file
/// is one audited reveal, counted against the caller's hourly limit.
/// </summary>
internal sealed record ExportMembersQuery(MemberFilter Filter, string? Sort, string? RevealReason)
    : IQuery<Paged<ExportedMember>>;

/// <summary>A member as exported: the ID number and phone masked, or whole after a reveal.</summary>
internal sealed record ExportedMember(MemberRow Member, string OrganizationName, string IdNumber, string? Phone);

internal sealed class ExportMembersValidator : AbstractValidator<ExportMembersQuery>
{
    public ExportMembersValidator()
    {
        RuleFor(q => q.Filter).SetValidator(new MemberFilterValidator());
        RuleFor(q => q.RevealReason)
            .Must(reason => Infrastructure.Primitives.VisibleText.Trim(reason).Length is >= 5 and <= 200)
            .When(q => q.RevealReason is not null)
            .WithMessage(_ =>
                Localized.Text("请填写 5 到 200 字的查看理由。", "Give a reason of 5 to 200 characters.")
            );
    }
}

internal sealed class ExportMembersHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    PersonalDataReveal reveal,
    PersonalDataProtector protector,
    TimeProvider clock
) : IQueryHandler<ExportMembersQuery, Paged<ExportedMember>>
{
    /// <summary>The template's columns (so a file exported whole
    /// imports again) plus gender, birth date and status.</summary>
    public static readonly IReadOnlyList<ExportColumn<ExportedMember>> Columns =
    [
        MemberSheets.Organization.Exported<ExportedMember>(e => e.OrganizationName),
        MemberSheets.Name.Exported<ExportedMember>(e => e.Member.Name),
        MemberSheets.Gender.Exported<ExportedMember>(e => MemberSheets.Label(e.Member.Gender)),
        MemberSheets.BirthDate.Exported<ExportedMember>(e => MemberSheets.Date(e.Member.BirthDate)),
        MemberSheets.IdNumber.Exported<ExportedMember>(e => e.IdNumber),
        MemberSheets.Ethnicity.Exported<ExportedMember>(e => e.Member.Ethnicity),
        MemberSheets.Phone.Exported<ExportedMember>(e => e.Phone),
        MemberSheets.Education.Exported<ExportedMember>(e =>
            e.Member.Education is { } education ? MemberSheets.Label(education) : null
        ),
        MemberSheets.Occupation.Exported<ExportedMember>(e => e.Member.Occupation),
        MemberSheets.Category.Exported<ExportedMember>(e => MemberSheets.Label(e.Member.Category)),
        MemberSheets.Stage.Exported<ExportedMember>(e => MemberSheets.Label(e.Member.Stage)),
        MemberSheets.Status.Exported<ExportedMember>(e => MemberSheets.Label(e.Member.Status)),
        MemberSheets.AppliedOn.Exported<ExportedMember>(e => MemberSheets.Date(e.Member.AppliedOn)),
        MemberSheets.TalkOn.Exported<ExportedMember>(e => MemberSheets.Date(e.Member.TalkOn)),
        MemberSheets.ActivistOn.Exported<ExportedMember>(e => MemberSheets.Date(e.Member.ActivistOn)),
        MemberSheets.CandidateOn.Exported<ExportedMember>(e => MemberSheets.Date(e.Member.CandidateOn)),
        MemberSheets.JoinedOn.Exported<ExportedMember>(e => MemberSheets.Date(e.Member.JoinedOn)),
        MemberSheets.FullMemberOn.Exported<ExportedMember>(e => MemberSheets.Date(e.Member.FullMemberOn)),
    ];

    public async ValueTask<Paged<ExportedMember>> Handle(ExportMembersQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var today = clock.Today();
        var (from, to, orgId) = await MemberRegister.RangeAsync(organizations, scope, query.Filter, cancellationToken);
        var order = SortOrder.Parse(
            query.Sort,
            MemberRegister.SortColumns,
            MemberRegister.DefaultSort,
            MemberRegister.TieBreaker
        );
        var rows = await db.QueryPageAsync<MemberRow>(
            MemberRegister.CountSql,
            MemberRegister.PageSql,
            MemberRegister.FilterParameters(query.Filter, from, to, orgId, today),
            PageRequest.ForExport,
            order,
            cancellationToken
        );
        ListExport.EnsureWithinLimit(rows.Total);
        var whole = false;
        if (query.RevealReason is not null)
        {
            // Each member in the file is one reveal (an audit row naming them, one of the caller's hourly reveals):
            // a file may not show more ID numbers than the caller could reveal one by one.
            await reveal.RevealEachAsync(
                Permissions.MembersRevealPii,
                query.RevealReason,
                "Member",
                rows.Items.Select(m => (m.Id.ToString(), (Guid?)m.OrgId)).ToList(),
                "export",
                cancellationToken
            );
            whole = true;
        }
        var names = await organizations.NamesAsync(
            rows.Items.Select(m => m.OrgId).Distinct().ToList(),
            cancellationToken
        );
        return rows.Map(m => new ExportedMember(
            m,
            names.GetValueOrDefault(m.OrgId, ""),
            whole ? protector.Decrypt(m.IdNumberCipher) : m.IdNumberMasked,
            whole && m.PhoneCipher is not null ? protector.Decrypt(m.PhoneCipher) : m.PhoneMasked
        ));
    }
}
