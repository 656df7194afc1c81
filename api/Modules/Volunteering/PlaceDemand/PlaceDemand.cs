using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Calendar.Contracts;
using Jiceng.Modules.Members.Contracts;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.PlaceDemand;

/// <param name="OrganizationId">The community's organization that serves the requester.</param>
/// <param name="Category">One of the region's categories (rule set, volunteering.demandCategories).</param>
/// <param name="Description">What is needed.</param>
/// <param name="RequesterName">Personal data: stored encrypted, shown masked.</param>
/// <param name="RequesterPhone">Personal data: stored encrypted, shown masked.</param>
/// <param name="BeneficiaryMemberId">A member in hardship (困难党员) the demand is for, if any.</param>
/// <param name="Urgency">Normal when not given.</param>
/// <param name="WishedOn">The day the requester would like it done by (the completion deadline).</param>
internal sealed record PlaceDemandRequest(
    Guid? OrganizationId,
    string? Category,
    string? Description,
    string? RequesterName,
    string? RequesterPhone,
    Guid? BeneficiaryMemberId,
    DemandUrgency? Urgency,
    DateOnly? WishedOn
);

/// <summary>
/// 点单: a demand placed by staff for someone who came in or called, or by a residents' system with an API key
/// (线上线下互通). The accept-or-reject deadline starts the next day, in the region's working days.
/// </summary>
internal sealed record PlaceDemandCommand(PlaceDemandRequest Body) : ICommand<DemandResponse>;

internal sealed class PlaceDemandValidator : AbstractValidator<PlaceDemandCommand>
{
    public PlaceDemandValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.OrganizationId).NotNull().NotEqual(Guid.Empty);
        RuleFor(c => c.Body.Category).RequiredText().MaximumLength(20);
        RuleFor(c => c.Body.Description).RequiredText(2).MaximumLength(1000);
        RuleFor(c => c.Body.RequesterName).RequiredText().MaximumLength(50);
        RuleFor(c => c.Body.RequesterPhone)
            .RequiredText()
            .Matches(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")
            .WithMessage(_ =>
                Localized.Text(
                    "请填写 11 位手机号码或带区号的固定电话。",
                    "Give an 11-digit mobile number or a landline with its area code."
                )
            );
        RuleFor(c => c.Body.Urgency).IsInEnum();
        RuleFor(c => c.Body.WishedOn)
            .Must(d => d is null || d >= clock.Today())
            .WithMessage(_ =>
                Localized.Text("期望完成日期不能早于今天。", "The wished-for date cannot be in the past.")
            )
            .Must(d => d is null || d <= clock.Today().AddYears(1))
            .WithMessage(_ =>
                Localized.Text("期望完成日期不能晚于一年以后。", "The wished-for date is at most a year ahead.")
            );
    }
}

internal sealed class PlaceDemandHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    IOrganizationDirectory organizations,
    IMemberHardships hardships,
    VolunteeringRuleSets ruleSets,
    IWorkingCalendar calendar,
    PersonalDataProtector protector,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<PlaceDemandCommand, DemandResponse>
{
    private const string InsertSql = """
        INSERT INTO volunteer_demands (id, org_id, org_path, region_id, category, description, requester_name_cipher,
            requester_name_masked, requester_phone_cipher, requester_phone_masked, beneficiary_member_id,
            beneficiary_name, urgency, wished_on, channel, state, submitted_on, accept_due_on, due_on, created_by,
            created_by_client, created_at, updated_at, version)
        VALUES (@id, @orgId, @orgPath, @regionId, @category, @description, @nameCipher, @nameMasked, @phoneCipher,
            @phoneMasked, @beneficiaryMemberId, @beneficiaryName, @urgency, @wishedOn, @channel, 'Submitted', @today,
            @acceptDueOn, @acceptDueOn, @createdBy, @createdByClient, @now, @now, 1)
        """;

    public async ValueTask<DemandResponse> Handle(PlaceDemandCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var scope = await currentScope.GetAsync(cancellationToken);
        var organization =
            await organizations.FindWithinAsync(body.OrganizationId!.Value, scope, cancellationToken)
            ?? throw VolunteeringErrors.OrganizationNotFound();
        var rules = await ruleSets.ForAsync(organization.Id, cancellationToken);
        var category = VisibleText.Trim(body.Category);
        if (!rules.DemandCategories.Items.Contains(category))
        {
            throw VolunteeringErrors.CategoryUnknown(rules.DemandCategories.Items);
        }
        var today = clock.Today();
        string? beneficiaryName = null;
        if (body.BeneficiaryMemberId is { } memberId)
        {
            beneficiaryName =
                (await hardships.OnAsync(memberId, today, scope, cancellationToken))?.Name
                ?? throw VolunteeringErrors.BeneficiaryNotInHardship();
        }
        var roots = await organizations.ListRootsAsync(cancellationToken);
        var region = roots.FirstOrDefault(r => organization.Path.StartsWith(r.Path, StringComparison.Ordinal));
        var acceptDueOn = await calendar.EndOfPeriodAsync(
            today.AddDays(1),
            rules.AcceptWithinWorkingDays.Value,
            cancellationToken
        );
        var caller = callers.Current;
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var name = VisibleText.Trim(body.RequesterName);
        var phone = VisibleText.Trim(body.RequesterPhone);
        var channel = caller.Kind == CallerKind.ApiClient ? DemandChannel.ApiClient : DemandChannel.Staff;
        await db.ExecuteAsync(
            InsertSql,
            new
            {
                id,
                orgId = organization.Id,
                orgPath = organization.Path,
                regionId = region?.Id ?? organization.Id,
                category,
                description = VisibleText.Trim(body.Description),
                nameCipher = protector.Encrypt(name),
                nameMasked = PersonalDataMask.FamilyName(name),
                phoneCipher = protector.Encrypt(phone),
                phoneMasked = PersonalDataMask.Phone(phone),
                beneficiaryMemberId = body.BeneficiaryMemberId,
                beneficiaryName,
                urgency = (body.Urgency ?? DemandUrgency.Normal).ToString(),
                wishedOn = body.WishedOn,
                channel = channel.ToString(),
                today,
                acceptDueOn,
                createdBy = caller.Kind == CallerKind.User ? caller.Id : null,
                createdByClient = caller.Kind == CallerKind.ApiClient ? caller.Id : null,
                now,
            },
            cancellationToken
        );
        await Demands.RecordStepAsync(
            db,
            id,
            DemandStep.Submit,
            DemandState.Submitted,
            null,
            null,
            caller,
            now,
            cancellationToken
        );
        // Written by hand so the requester's name and phone reach the audit log masked.
        audit.Record(
            new AuditRecord(
                "PlaceDemand",
                "Demand",
                id.ToString(),
                organization.Id,
                After: new
                {
                    category,
                    requesterName = PersonalDataMask.FamilyName(name),
                    requesterPhone = PersonalDataMask.Phone(phone),
                    body.BeneficiaryMemberId,
                    body.Urgency,
                    body.WishedOn,
                    channel,
                }
            )
        );
        var row = await Demands.FindAsync(db, scope, id, cancellationToken);
        return await Demands.RespondWholeAsync(db, row, organizations, today, cancellationToken);
    }
}
