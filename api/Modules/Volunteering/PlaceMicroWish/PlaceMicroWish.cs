using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Contracts;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.PlaceMicroWish;

/// <param name="OrganizationId">The community's organization that collects the wish.</param>
/// <param name="Kind">Whose wish: a child left behind, an elderly person, a family in hardship, other.</param>
/// <param name="Description">The wish, as the public wall shows it: no names, phones or addresses.</param>
/// <param name="EstimatedValue">In yuan, at most the region's cap (rule wishPriceCapFen).</param>
/// <param name="PersonName">The resident's name: personal data, stored encrypted, shown masked.</param>
/// <param name="PersonPhone">The resident's phone: personal data, stored encrypted, shown masked.</param>
/// <param name="BeneficiaryMemberId">A member on the hardship register, when the wish is theirs.</param>
/// <param name="PlacedOn">The day the wish was collected (today when left out).</param>
internal sealed record PlaceMicroWishRequest(
    Guid? OrganizationId,
    WishKind? Kind,
    string? Description,
    Money? EstimatedValue,
    string? PersonName,
    string? PersonPhone,
    Guid? BeneficiaryMemberId,
    DateOnly? PlacedOn
);

/// <summary>Records a resident's micro-wish (微心愿) and opens it for claiming.</summary>
internal sealed record PlaceMicroWishCommand(PlaceMicroWishRequest Body) : ICommand<MicroWishResponse>;

internal sealed class PlaceMicroWishValidator : AbstractValidator<PlaceMicroWishCommand>
{
    public PlaceMicroWishValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.OrganizationId).NotNull();
        RuleFor(c => c.Body.Kind).NotNull().IsInEnum();
        RuleFor(c => c.Body.Description).RequiredText().MaximumLength(200);
        RuleFor(c => c.Body.EstimatedValue)
            .NotNull()
            .Must(v => v is null || v.Value.Fen > 0)
            .WithMessage(_ => Localized.Text("心愿价值须大于 0。", "The value must be more than 0."));
        RuleFor(c => c.Body.PersonName).RequiredText().MaximumLength(20);
        RuleFor(c => c.Body.PersonPhone)
            .Matches(@"^(\+?[0-9][0-9 \-]{4,18})?$")
            .WithMessage(_ => Localized.Text("电话号码格式不正确。", "The phone number is not valid."));
        RuleFor(c => c.Body.PlacedOn)
            .Must(d => d is null || d <= clock.Today())
            .WithMessage(_ => Localized.Text("登记日期不能晚于今天。", "The date cannot be after today."));
    }
}

internal sealed class PlaceMicroWishHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    IOrganizationDirectory organizations,
    IMemberHardships hardships,
    VolunteeringRuleSets ruleSets,
    PersonalDataProtector protector,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<PlaceMicroWishCommand, MicroWishResponse>
{
    private const string InsertSql = """
        INSERT INTO micro_wishes (id, org_id, org_path, kind, description, estimated_value_fen, person_name_cipher,
            person_name_mask, person_phone_cipher, person_phone_mask, beneficiary_member_id, state, placed_on,
            placed_by, created_at, updated_at, version)
        VALUES (@id, @orgId, @orgPath, @kind, @description, @valueFen, @nameCipher, @nameMask, @phoneCipher,
            @phoneMask, @beneficiaryMemberId, 'Open', @placedOn, @placedBy, @now, @now, 1)
        """;

    public async ValueTask<MicroWishResponse> Handle(PlaceMicroWishCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var scope = await currentScope.GetAsync(cancellationToken);
        var organization =
            await organizations.FindWithinAsync(body.OrganizationId!.Value, scope, cancellationToken)
            ?? throw VolunteeringErrors.OrganizationNotFound();
        var rules = await ruleSets.ForAsync(organization.Id, cancellationToken);
        var value = body.EstimatedValue!.Value;
        if (MicroWishRules.ExceedsCap(value, rules.WishPriceCapFen.Value))
        {
            throw VolunteeringErrors.WishOverCap(Money.FromFen(rules.WishPriceCapFen.Value));
        }
        var placedOn = body.PlacedOn ?? clock.Today();
        if (
            body.BeneficiaryMemberId is { } memberId
            && await hardships.OnAsync(memberId, placedOn, scope, cancellationToken) is null
        )
        {
            throw VolunteeringErrors.WishBeneficiaryNotInHardship();
        }
        var name = VisibleText.Trim(body.PersonName);
        var phone = string.IsNullOrWhiteSpace(body.PersonPhone) ? null : body.PersonPhone.Trim();
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(
            InsertSql,
            new
            {
                id,
                orgId = organization.Id,
                orgPath = organization.Path,
                kind = body.Kind!.Value.ToString(),
                description = VisibleText.Trim(body.Description),
                valueFen = value.Fen,
                nameCipher = protector.Encrypt(name),
                nameMask = PersonalDataMask.FamilyName(name),
                phoneCipher = phone is null ? null : protector.Encrypt(phone),
                phoneMask = phone is null ? null : PersonalDataMask.Phone(phone),
                beneficiaryMemberId = body.BeneficiaryMemberId,
                placedOn,
                placedBy = callers.Current.Id,
                now = clock.GetUtcNow(),
            },
            cancellationToken
        );
        var wish = await MicroWishes.FindAsync(db, scope, id, cancellationToken);
        audit.Record(
            new AuditRecord(
                "PlaceMicroWish",
                "MicroWish",
                id.ToString(),
                organization.Id,
                After: new
                {
                    kind = wish.Kind.ToString(),
                    wish.Description,
                    estimatedValue = value.ToString(),
                    personName = wish.PersonNameMask,
                    personPhone = wish.PersonPhoneMask,
                    wish.BeneficiaryMemberId,
                    placedOn,
                }
            )
        );
        return MicroWishes.Respond(wish, organization.Name);
    }
}
