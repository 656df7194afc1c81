using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Members.Domain;

/// <summary>
/// A member record, at the pipeline stage the person has reached: a new 入党申请人 with the application
/// date (and the talk, within a month), or an existing activist, candidate, probationary or full member
/// with the dates so far. Birth date and gender follow from the ID number when left out. The dates keep the
/// region's least times between steps as the steps themselves do (an override needs members.override and a
/// reason, which the audit row keeps with the record).
/// </summary>
internal sealed record CreateMemberRequest(
    Guid? OrganizationId,
    string? Name,
    Gender? Gender,
    string? Ethnicity,
    DateOnly? BirthDate,
    string? IdNumber,
    string? Phone,
    Education? Education,
    string? Occupation,
    MemberCategory? Category,
    MemberStage? Stage,
    DateOnly? AppliedOn,
    DateOnly? TalkOn,
    DateOnly? ActivistOn,
    DateOnly? CandidateOn,
    DateOnly? JoinedOn,
    DateOnly? FullMemberOn,
    StepOverride? Override = null
)
{
    public MemberFields Fields() =>
        new(Name, Gender, Ethnicity, BirthDate, IdNumber, Phone, Education, Occupation, Category);
}

/// <summary>A message that registers a member from a <see cref="CreateMemberRequest"/> (a form, a row).</summary>
internal interface IRegistersMember
{
    CreateMemberRequest Body { get; }
}

/// <summary>
/// The shape of a registration, for the form and for each row of an import (which reports each failure on its
/// column), so both refuse the same records with the same words.
/// </summary>
internal sealed class MemberRegistrationValidator : AbstractValidator<IRegistersMember>
{
    public MemberRegistrationValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.OrganizationId).NotEmpty();
        RuleFor(c => c.Body.Fields()).SetValidator(new MemberFieldsValidator(clock)).OverridePropertyName("Body");
        RuleFor(c => c.Body.Stage).NotNull().IsInEnum();
        RuleFor(c => c.Body.Override).SetValidator(new StepOverrideValidator());
        When(
                c => c.Body.Stage is MemberStage.Applicant or MemberStage.Activist or MemberStage.Candidate,
                () =>
                {
                    RuleFor(c => c.Body.AppliedOn)
                        .Cascade(CascadeMode.Stop)
                        .NotNull()
                        .Must(d => d <= clock.Today())
                        .WithMessage(_ =>
                            Localized.Text("申请日期不能晚于今天。", "The application date cannot be after today.")
                        );
                    RuleFor(c => c.Body.TalkOn)
                        .Must(
                            (c, talk) =>
                                talk is null
                                || c.Body.AppliedOn is not { } applied
                                || (talk >= applied && talk <= PipelineIntervals.TalkLatest(applied))
                        )
                        .WithMessage(_ =>
                            Localized.Text(
                                "谈话应在收到入党申请后一个月内进行。",
                                "The talk takes place within a month of the application."
                            )
                        );
                }
            )
            .Otherwise(() =>
            {
                RuleFor(c => c.Body.AppliedOn).Null().When(c => c.Body.Stage is not null);
                RuleFor(c => c.Body.TalkOn).Null().When(c => c.Body.Stage is not null);
            });
        When(
                c => c.Body.Stage is MemberStage.Activist or MemberStage.Candidate,
                () =>
                    RuleFor(c => c.Body.ActivistOn)
                        .Cascade(CascadeMode.Stop)
                        .NotNull()
                        .Must((c, d) => d >= c.Body.AppliedOn && d <= clock.Today())
                        .WithMessage(_ =>
                            Localized.Text(
                                "确定为积极分子的日期应在申请之后、今天之前。",
                                "The activist date lies between the application and today."
                            )
                        )
            )
            .Otherwise(() => RuleFor(c => c.Body.ActivistOn).Null().When(c => c.Body.Stage is not null));
        When(
                c => c.Body.Stage == MemberStage.Candidate,
                () =>
                    RuleFor(c => c.Body.CandidateOn)
                        .Cascade(CascadeMode.Stop)
                        .NotNull()
                        .Must((c, d) => d >= c.Body.ActivistOn && d <= clock.Today())
                        .WithMessage(_ =>
                            Localized.Text(
                                "确定为发展对象的日期应在确定为入党积极分子之后、今天之前。",
                                "The candidate date lies between the activist date and today."
                            )
                        )
            )
            .Otherwise(() => RuleFor(c => c.Body.CandidateOn).Null().When(c => c.Body.Stage is not null));
        When(
                c => c.Body.Stage is MemberStage.Probationary or MemberStage.Full,
                () =>
                {
                    RuleFor(c => c.Body.JoinedOn)
                        .NotNull()
                        .Must(joined => joined <= clock.Today())
                        .WithMessage(_ =>
                            Localized.Text("入党日期不能晚于今天。", "The join date cannot be after today.")
                        )
                        .Must(
                            (c, joined) =>
                                !ChineseIdNumber.IsValid(c.Body.IdNumber)
                                || joined >= ChineseIdNumber.BirthDate(c.Body.IdNumber!)!.Value.AddYears(18)
                        )
                        .WithMessage(_ =>
                            Localized.Text(
                                "入党时应年满 18 周岁。",
                                "A member must have been at least 18 when joining."
                            )
                        );
                }
            )
            .Otherwise(() =>
                RuleFor(c => c.Body.JoinedOn)
                    .Null()
                    .WithMessage(_ =>
                        Localized.Text(
                            "尚未成为预备党员，不能填写入党日期。",
                            "Only probationary and full members have a join date."
                        )
                    )
            );
        When(
                c => c.Body.Stage == MemberStage.Full,
                () =>
                    RuleFor(c => c.Body.FullMemberOn)
                        .NotNull()
                        .Must((c, full) => c.Body.JoinedOn is null || full > c.Body.JoinedOn)
                        .WithMessage(_ =>
                            Localized.Text(
                                "转正日期应晚于入党日期。",
                                "The full-membership date must be after the join date."
                            )
                        )
                        .Must(full => full <= clock.Today())
                        .WithMessage(_ =>
                            Localized.Text("转正日期不能晚于今天。", "The full-membership date cannot be after today.")
                        )
            )
            .Otherwise(() =>
                RuleFor(c => c.Body.FullMemberOn)
                    .Null()
                    .WithMessage(_ =>
                        Localized.Text("尚未转正，不能填写转正日期。", "Only full members have a full-membership date.")
                    )
            );
    }
}

/// <summary>The registering statement, shared by the form, the import and the demo seeder.</summary>
internal static class MemberRegistration
{
    // The same person twice is refused in this statement (the unique blind index is the backstop).
    public const string InsertSql = """
        INSERT INTO members (id, org_id, org_path, name, gender, ethnicity, birth_date, id_number_cipher,
            id_number_index, id_number_masked,
            phone_cipher, phone_masked, education, occupation, category, stage, status, applied_on, talk_on,
                activist_on, candidate_on, joined_on,
            full_member_on, last_org_life_on, created_at, updated_at, version)
        SELECT @id, @orgId, @orgPath, @name, @gender, @ethnicity, @birthDate, @idNumberCipher, @idNumberIndex,
            @idNumberMasked,
            @phoneCipher, @phoneMasked, @education, @occupation, @category, @stage, 'Active', @appliedOn, @talkOn,
            @activistOn, @candidateOn, @joinedOn,
            @fullMemberOn, NULL, @now, @now, 1
        WHERE NOT EXISTS (SELECT 1 FROM members WHERE id_number_index = @idNumberIndex)
        """;

    /// <summary>The row for <see cref="InsertSql"/>: personal data
    /// encrypted, gender and birth from the ID number.</summary>
    public static object InsertParameters(
        Guid id,
        OrganizationReference organization,
        CreateMemberRequest body,
        string idNumber,
        PersonalDataProtector protector,
        DateTimeOffset now
    )
    {
        var protectedId = ProtectedIdNumber.From(protector, idNumber);
        var phone = ProtectedPhone.From(protector, body.Phone);
        return new
        {
            id,
            orgId = organization.Id,
            orgPath = organization.Path,
            name = body.Name!.Trim(),
            gender = (ChineseIdNumber.IsMale(idNumber) ? Gender.Male : Gender.Female).ToString(),
            ethnicity = body.Ethnicity?.Trim(),
            birthDate = ChineseIdNumber.BirthDate(idNumber)!.Value,
            idNumberCipher = protectedId.Cipher,
            idNumberIndex = protectedId.Index,
            idNumberMasked = protectedId.Masked,
            phoneCipher = phone.Cipher,
            phoneMasked = phone.Masked,
            education = body.Education?.ToString(),
            occupation = body.Occupation?.Trim(),
            category = body.Category!.Value.ToString(),
            stage = body.Stage!.Value.ToString(),
            appliedOn = body.AppliedOn,
            talkOn = body.TalkOn,
            activistOn = body.ActivistOn,
            candidateOn = body.CandidateOn,
            joinedOn = body.JoinedOn,
            fullMemberOn = body.FullMemberOn,
            now,
        };
    }
}
