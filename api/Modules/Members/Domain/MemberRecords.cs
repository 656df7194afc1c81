using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Members.Domain;

internal enum Gender
{
    [Label("男", "Male")]
    Male,

    [Label("女", "Female")]
    Female,
}

/// <summary>在职, 离退休, 流动, 学生, 农民 and the rest.</summary>
internal enum MemberCategory
{
    [Label("在职", "In service")]
    InService,

    [Label("离退休", "Retired")]
    Retired,

    [Label("流动", "Floating")]
    Floating,

    [Label("学生", "Student")]
    Student,

    [Label("农民", "Farmer")]
    Farmer,

    [Label("其他", "Other")]
    Other,
}

/// <summary>The development pipeline: 入党申请人 → 入党积极分子 → 发展对象 → 预备党员 → 正式党员.</summary>
internal enum MemberStage
{
    [Label("入党申请人", "Applicant")]
    Applicant,

    [Label("入党积极分子", "Activist")]
    Activist,

    [Label("发展对象", "Development candidate")]
    Candidate,

    [Label("预备党员", "Probationary member")]
    Probationary,

    [Label("正式党员", "Full member")]
    Full,
}

internal enum MemberStatus
{
    [Label("在册", "Active")]
    Active,

    [Label("已转出", "Transferred out")]
    TransferredOut,

    [Label("已去世", "Deceased")]
    Deceased,

    [Label("已取消资格", "Cancelled")]
    Cancelled,
}

internal enum Education
{
    [Label("小学", "Primary school")]
    Primary,

    [Label("初中", "Junior high")]
    JuniorHigh,

    [Label("高中", "Senior high")]
    SeniorHigh,

    [Label("中专", "Vocational school")]
    Vocational,

    [Label("大专", "College")]
    College,

    [Label("大学本科", "Bachelor's")]
    Bachelor,

    [Label("硕士研究生", "Master's")]
    Master,

    [Label("博士研究生", "Doctorate")]
    Doctorate,
}

/// <summary>A member as every response shows them: personal data masked (the reveal route shows it whole).</summary>
internal sealed record MemberResponse(
    Guid Id,
    Guid OrganizationId,
    string OrganizationName,
    string Name,
    Gender Gender,
    string? Ethnicity,
    DateOnly BirthDate,
    int Age,
    string IdNumber,
    string? Phone,
    Education? Education,
    string? Occupation,
    MemberCategory Category,
    MemberStage Stage,
    MemberStatus Status,
    DateOnly? DiedOn,
    DateOnly? AppliedOn,
    DateOnly? ActivistOn,
    DateOnly? CandidateOn,
    DateOnly? JoinedOn,
    DateOnly? ProbationEndsOn,
    DateOnly? FullMemberOn,
    int? PartyStandingYears,
    DateOnly? LastOrganizationLifeOn,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version
);

/// <summary>What a member record holds that staff type in (organization and stage are set on creation only).</summary>
internal sealed record MemberFields(
    string? Name,
    Gender? Gender,
    string? Ethnicity,
    DateOnly? BirthDate,
    string? IdNumber,
    string? Phone,
    Education? Education,
    string? Occupation,
    MemberCategory? Category
);

internal sealed class MemberFieldsValidator : AbstractValidator<MemberFields>
{
    /// <param name="clock">today's date in China, for dates that may not lie ahead</param>
    /// <param name="idNumberRequired">false on update, where a missing ID number (and phone) keeps the stored one:
    /// clients only ever see them masked</param>
    public MemberFieldsValidator(TimeProvider clock, bool idNumberRequired = true)
    {
        RuleFor(f => f.Name).RequiredText().MaximumLength(50);
        RuleFor(f => f.Ethnicity).MaximumLength(20);
        RuleFor(f => f.Occupation).MaximumLength(50);
        RuleFor(f => f.Gender).IsInEnum();
        RuleFor(f => f.Education).IsInEnum();
        RuleFor(f => f.Category).NotNull().IsInEnum();
        RuleFor(f => f.Phone)
            .Matches(@"^(\+?[0-9][0-9 \-]{4,18})?$")
            .WithMessage(_ => Localized.Text("电话号码格式不正确。", "The phone number is not valid."));
        // Added only when required, not under When(): the OpenAPI document reads unconditional rules as required.
        if (idNumberRequired)
        {
            RuleFor(f => f.IdNumber).RequiredText();
        }
        RuleFor(f => f.IdNumber)
            .Must(ChineseIdNumber.IsValid)
            .When(f => f.IdNumber is not null)
            .WithMessage(_ =>
                Localized.Text(
                    "公民身份号码无效（18 位，末位校验码按 GB 11643 计算）。",
                    "The ID number is not valid (18 characters with a GB 11643 check character)."
                )
            );
        When(
            f => ChineseIdNumber.IsValid(f.IdNumber),
            () =>
            {
                RuleFor(f => f.BirthDate)
                    .Must((f, birth) => birth is null || birth == ChineseIdNumber.BirthDate(f.IdNumber!))
                    .WithMessage(f =>
                        Localized.Text(
                            $"出生日期与公民身份号码不一致（应为 {ChineseIdNumber.BirthDate(f.IdNumber!):yyyy-MM-dd}）。",
                            "The birth date does not match the ID number "
                                + $"({ChineseIdNumber.BirthDate(f.IdNumber!):yyyy-MM-dd})."
                        )
                    );
                RuleFor(f => f.Gender)
                    .Must(
                        (f, gender) =>
                            gender is null
                            || gender
                                == (ChineseIdNumber.IsMale(f.IdNumber!) ? Domain.Gender.Male : Domain.Gender.Female)
                    )
                    .WithMessage(_ =>
                        Localized.Text("性别与公民身份号码不一致。", "The gender does not match the ID number.")
                    );
                RuleFor(f => f.IdNumber)
                    .Must(id => ChineseIdNumber.BirthDate(id!) <= clock.Today())
                    .WithMessage(_ =>
                        Localized.Text(
                            "公民身份号码中的出生日期晚于今天。",
                            "The ID number's birth date is after today."
                        )
                    );
            }
        );
    }
}

/// <summary>How an ID number is stored: encrypted, a keyed
/// blind index for exact look-up, and the mask to show.</summary>
internal sealed record ProtectedIdNumber(string Cipher, string Index, string Masked)
{
    public static string Normalize(string idNumber) => idNumber.Trim().ToUpperInvariant();

    public static ProtectedIdNumber From(PersonalDataProtector protector, string normalizedIdNumber) =>
        new(
            protector.Encrypt(normalizedIdNumber),
            protector.BlindIndex(normalizedIdNumber),
            PersonalDataMask.IdNumber(normalizedIdNumber)
        );
}

/// <summary>How a phone number is stored: encrypted, and the mask to show; an empty phone is no phone.</summary>
internal sealed record ProtectedPhone(string? Cipher, string? Masked)
{
    public static ProtectedPhone From(PersonalDataProtector protector, string? phone) =>
        string.IsNullOrWhiteSpace(phone)
            ? new(null, null)
            : new(protector.Encrypt(phone.Trim()), PersonalDataMask.Phone(phone.Trim()));
}

internal sealed record MemberRow
{
    public Guid Id { get; init; }
    public Guid OrgId { get; init; }
    public string OrgPath { get; init; } = "";
    public string Name { get; init; } = "";
    public Gender Gender { get; init; }
    public string? Ethnicity { get; init; }
    public DateOnly BirthDate { get; init; }
    public string IdNumberCipher { get; init; } = "";
    public string IdNumberMasked { get; init; } = "";
    public string? PhoneCipher { get; init; }
    public string? PhoneMasked { get; init; }
    public Education? Education { get; init; }
    public string? Occupation { get; init; }
    public MemberCategory Category { get; init; }
    public MemberStage Stage { get; init; }
    public MemberStatus Status { get; init; }
    public DateOnly? AppliedOn { get; init; }

    public DateOnly? TalkOn { get; init; }
    public DateOnly? ActivistOn { get; init; }
    public DateOnly? CandidateOn { get; init; }
    public DateOnly? NoticeEndsOn { get; init; }
    public DateOnly? JoinedOn { get; init; }
    public int? ExtensionMonths { get; init; }
    public DateOnly? FullMemberOn { get; init; }
    public DateOnly? LastOrgLifeOn { get; init; }

    public DateOnly? DiedOn { get; init; }

    // 光荣在党50年, read only by the statements that select them (not in Columns).
    public int? MedalYear { get; init; }
    public string? MedalAwardedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }

    /// <summary>End of probation: a year (the rule set's months) from the vote, plus any extension.</summary>
    public DateOnly? ProbationEndsOn(int probationMonths) =>
        Stage == MemberStage.Probationary && JoinedOn is { } joined
            ? joined.AddMonths(probationMonths + (ExtensionMonths ?? 0))
            : null;

    /// <summary>The day ages and party standing are counted to: today, or the day of death.</summary>
    public DateOnly LivedUntil(DateOnly today) => DiedOn is { } died && died < today ? died : today;

    public MemberResponse ToResponse(string organizationName, DateOnly today, int probationMonths)
    {
        var until = LivedUntil(today);
        return new(
            Id,
            OrgId,
            organizationName,
            Name,
            Gender,
            Ethnicity,
            BirthDate,
            YearsBetween(BirthDate, until),
            IdNumberMasked,
            PhoneMasked,
            Education,
            Occupation,
            Category,
            Stage,
            Status,
            DiedOn,
            AppliedOn,
            ActivistOn,
            CandidateOn,
            JoinedOn,
            ProbationEndsOn(probationMonths),
            FullMemberOn,
            FullMemberOn is { } full && full <= until ? YearsBetween(full, until) : null,
            LastOrgLifeOn,
            CreatedAt,
            UpdatedAt,
            Version
        );
    }

    /// <summary>Whole years from one date to another (an age, a party standing).</summary>
    public static int YearsBetween(DateOnly from, DateOnly to) =>
        to.Year - from.Year - (to.Month < from.Month || (to.Month == from.Month && to.Day < from.Day) ? 1 : 0);
}

/// <summary>Reads members inside the caller's scope (outside it a member does not exist: 404).</summary>
internal static class MemberRecords
{
    public const string Columns = """
        id, org_id, org_path, name, gender, ethnicity, birth_date, id_number_cipher, id_number_masked, phone_cipher,
            phone_masked,
        education, occupation, category, stage, status, applied_on, talk_on, activist_on, candidate_on, notice_ends_on,
            joined_on, extension_months,
        full_member_on, last_org_life_on, died_on, created_at, updated_at, version
        """;

    private const string FindSql =
        "SELECT " + Columns + " FROM members WHERE id = @id AND org_path >= @from AND org_path < @to";

    // The version moves, so a death recorded at the same moment
    // (guarded by the version it read) and this write cannot both commit.
    private const string ClaimActiveSql =
        "UPDATE members SET version = version + 1, updated_at = @now WHERE id = @id AND status = 'Active'";

    /// <summary>
    /// A write about an active member in another table (a transfer letter, a hardship entry, a 双报到) first claims the
    /// member's row in one conditional statement: 409 member_not_active once they are not on the register, and no
    /// interleaving with a death, a receipt or a cancellation of the same person.
    /// </summary>
    public static async Task ClaimActiveAsync(
        DbSession db,
        MemberRow member,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        if (await db.ExecuteAsync(ClaimActiveSql, new { id = member.Id, now }, cancellationToken) == 0)
        {
            throw MemberErrors.NotActive(member.Status == MemberStatus.Active ? null : member.Status);
        }
    }

    public static async Task<MemberRow> FindAsync(
        DbSession db,
        DataScope scope,
        Guid id,
        CancellationToken cancellationToken
    ) =>
        await db.QuerySingleOrDefaultAsync<MemberRow>(
            FindSql,
            new
            {
                id,
                from = scope.From,
                to = scope.To,
            },
            cancellationToken
        ) ?? throw new NotFoundException("Member");

    /// <summary>The caller's scope, or an organization's subtree inside it
    /// (404 when the organization is outside), as a path range.</summary>
    public static async Task<(string From, string To)> RangeAsync(
        Organizations.Contracts.IOrganizationDirectory organizations,
        DataScope scope,
        Guid? organizationId,
        CancellationToken cancellationToken
    )
    {
        if (organizationId is not { } id)
        {
            return (scope.From, scope.To);
        }
        var subtree =
            await organizations.SubtreeWithinAsync(id, scope, cancellationToken)
            ?? throw new NotFoundException("Organization");
        return (subtree.PathFrom, subtree.PathTo);
    }

    /// <summary>The member as shown: their organization's name, and
    /// for probation its end under their region's rule.</summary>
    public static async Task<MemberResponse> RespondAsync(
        MemberRow row,
        Organizations.Contracts.IOrganizationDirectory organizations,
        MemberRuleSets rules,
        DateOnly today,
        CancellationToken cancellationToken
    )
    {
        var names = await organizations.NamesAsync([row.OrgId], cancellationToken);
        var probationMonths =
            row.Stage == MemberStage.Probationary
                ? (await rules.MemberPipelineRulesAsync(row.OrgId, cancellationToken)).ProbationMonths.Value
                : 0;
        return row.ToResponse(names.GetValueOrDefault(row.OrgId, ""), today, probationMonths);
    }
}
