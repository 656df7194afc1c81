using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Contracts;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.RegisterVolunteer;

/// <summary>
/// A party member (by reference: the name comes from the register) or a resident (name and phone; the phone
/// encrypted) registered as a volunteer of an organization.
/// </summary>
internal sealed record RegisterVolunteerRequest(
    Guid? OrganizationId,
    VolunteerKind? Kind,
    Guid? MemberId,
    string? Name,
    string? Phone,
    IReadOnlyList<string>? Skills
);

internal sealed record RegisterVolunteerCommand(RegisterVolunteerRequest Body) : ICommand<VolunteerResponse>;

internal sealed class RegisterVolunteerValidator : AbstractValidator<RegisterVolunteerCommand>
{
    public RegisterVolunteerValidator()
    {
        RuleFor(c => c.Body.OrganizationId).NotNull();
        RuleFor(c => c.Body.Kind).NotNull().IsInEnum();
        RuleFor(c => c.Body.MemberId).NotNull().When(c => c.Body.Kind == VolunteerKind.Member);
        RuleFor(c => c.Body.Name).RequiredText().MaximumLength(50).When(c => c.Body.Kind == VolunteerKind.Resident);
        RuleFor(c => c.Body.Phone)
            .NotEmpty()
            .Matches(@"^\+?[0-9][0-9 \-]{4,18}$")
            .WithMessage(_ => Localized.Text("电话号码格式不正确。", "The phone number is not valid."))
            .When(c => c.Body.Kind == VolunteerKind.Resident);
        RuleFor(c => c.Body.Skills).Must(s => s is null || s.Count <= Skills.MaxCount);
        RuleForEach(c => c.Body.Skills).RequiredText().MaximumLength(Skills.MaxLength);
    }
}

internal sealed class RegisterVolunteerHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    IMemberVolunteers members,
    VolunteeringRuleSets rules,
    PersonalDataProtector protector,
    TimeProvider clock
) : ICommandHandler<RegisterVolunteerCommand, VolunteerResponse>
{
    // One volunteer record per member: the statement refuses a second, the unique index the loser of a race.
    private const string InsertSql = """
        INSERT INTO volunteers (id, org_id, org_path, region_root_id, kind, member_id, name, phone_cipher, phone_mask,
            skills, created_at, updated_at, version)
        SELECT @id, @orgId, @orgPath, @regionRootId, @kind, @memberId, @name, @phoneCipher, @phoneMask, @skills, @now,
            @now, 1
        WHERE @memberId IS NULL OR NOT EXISTS (SELECT 1 FROM volunteers WHERE member_id = @memberId)
        """;

    public async ValueTask<VolunteerResponse> Handle(
        RegisterVolunteerCommand command,
        CancellationToken cancellationToken
    )
    {
        var body = command.Body;
        var scope = await currentScope.GetAsync(cancellationToken);
        var place = await VolunteerPlaces.ResolveAsync(
            organizations,
            scope,
            body.OrganizationId!.Value,
            cancellationToken
        );
        string name;
        Guid? memberId = null;
        string? phoneCipher = null;
        string? phoneMask = null;
        if (body.Kind == VolunteerKind.Member)
        {
            var member =
                await members.FindAsync(body.MemberId!.Value, scope, cancellationToken)
                ?? throw VolunteeringErrors.MemberNotFound();
            name = member.Name;
            memberId = member.MemberId;
        }
        else
        {
            name = body.Name!.Trim();
            phoneCipher = protector.Encrypt(body.Phone!.Trim());
            phoneMask = PersonalDataMask.Phone(body.Phone.Trim());
        }
        var id = Guid.CreateVersion7();
        var inserted = await db.ExecuteOrConflictAsync(
            InsertSql,
            new
            {
                id,
                orgId = place.OrganizationId,
                orgPath = place.Path,
                regionRootId = place.RegionRootId,
                kind = body.Kind!.Value.ToString(),
                memberId,
                name,
                phoneCipher,
                phoneMask,
                skills = Skills.Join(body.Skills),
                now = clock.GetUtcNow(),
            },
            VolunteeringErrors.MemberAlreadyVolunteer,
            cancellationToken
        );
        if (inserted == 0)
        {
            throw VolunteeringErrors.MemberAlreadyVolunteer();
        }
        var row = await Volunteers.FindAsync(db, scope, id, cancellationToken);
        var section = await rules.ForAsync(place.OrganizationId, cancellationToken);
        return row.ToResponse(
            new Dictionary<Guid, string> { [place.OrganizationId] = place.Name },
            section.Hours.StarThresholdHours
        );
    }
}
