using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Members.LookupMember;

/// <summary>The ID number travels in the body, never in a URL that proxies and logs keep.</summary>
internal sealed record LookupMemberRequest(string? IdNumber);

internal sealed record LookupMemberQuery(LookupMemberRequest Body) : IQuery<MemberResponse>;

internal sealed class LookupMemberValidator : AbstractValidator<LookupMemberQuery>
{
    public LookupMemberValidator() =>
        RuleFor(q => q.Body.IdNumber)
            .RequiredText()
            .Must(ChineseIdNumber.IsValid)
            .WithMessage(_ =>
                Localized.Text(
                    "公民身份号码无效（18 位，末位校验码按 GB 11643 计算）。",
                    "The ID number is not valid (18 characters with a GB 11643 check character)."
                )
            );
}

internal sealed class LookupMemberHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    MemberRuleSets rules,
    PersonalDataProtector protector,
    TimeProvider clock
) : IQueryHandler<LookupMemberQuery, MemberResponse>
{
    // Exact match through the keyed blind index: the stored ciphertext is never searched or decrypted.
    private const string ByIndexSql =
        "SELECT "
        + MemberRecords.Columns
        + " FROM members WHERE id_number_index = @index AND org_path >= @from AND org_path < @to";

    public async ValueTask<MemberResponse> Handle(LookupMemberQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var index = protector.BlindIndex(ProtectedIdNumber.Normalize(query.Body.IdNumber!));
        var row =
            await db.QuerySingleOrDefaultAsync<MemberRow>(
                ByIndexSql,
                new
                {
                    index,
                    from = scope.From,
                    to = scope.To,
                },
                cancellationToken
            ) ?? throw new NotFoundException("Member");
        return await MemberRecords.RespondAsync(row, organizations, rules, clock.Today(), cancellationToken);
    }
}
