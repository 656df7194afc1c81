using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Jiceng.Modules.Members.Contracts;
using Mediator;

namespace Jiceng.Modules.Assistance.SubmitApplication;

internal sealed record SubmitApplicationRequest(
    Guid? MemberId,
    AssistanceCategory? Category,
    Money? Amount,
    string? Reason,
    string? OtherAid,
    Money? OtherAidAmount
);

/// <summary>
/// An application for a member (by the member or by the branch on their behalf; the caller is the applicant): the
/// category's band, the eligibility rule of the category and the yearly cap per person are checked now (409 with
/// the figure), an earlier application of the same year and category is flagged (repeatOfId), and the fund is the
/// member's organization's or the nearest above it.
/// </summary>
internal sealed record SubmitApplicationCommand(SubmitApplicationRequest Body) : ICommand<ApplicationResponse>;

internal sealed class SubmitApplicationValidator : AbstractValidator<SubmitApplicationCommand>
{
    public SubmitApplicationValidator()
    {
        RuleFor(c => c.Body.MemberId).NotNull().Field("memberId");
        RuleFor(c => c.Body.Category).NotNull().IsInEnum().Field("category");
        RuleFor(c => c.Body.Amount)
            .NotNull()
            .Must(a => a!.Value > Money.Zero)
            .When(c => c.Body.Amount is not null, ApplyConditionTo.CurrentValidator)
            .Field("amount");
        RuleFor(c => c.Body.Reason).RequiredText().MaximumLength(1000).Field("reason");
        RuleFor(c => c.Body.OtherAid).MaximumLength(500).Field("otherAid");
        RuleFor(c => c.Body.OtherAidAmount)
            .Must(a => a!.Value >= Money.Zero)
            .When(c => c.Body.OtherAidAmount is not null)
            .Field("otherAidAmount");
    }
}

internal sealed class SubmitApplicationHandler(
    DbSession db,
    CurrentScope currentScope,
    IMemberCareProfiles members,
    IMemberHardships hardships,
    AssistanceRuleSets ruleSets,
    CallerAccessor callers,
    TimeProvider clock
) : ICommandHandler<SubmitApplicationCommand, ApplicationResponse>
{
    private const string EarlierSql = """
        SELECT id FROM assistance_applications
        WHERE member_id = @memberId AND year = @year AND category = @category
          AND status NOT IN ('Rejected', 'Cancelled')
        ORDER BY created_at
        """;

    private const string InsertSql = """
        INSERT INTO assistance_applications (id, fund_id, org_id, org_path, member_id, member_name, category, amount,
            year, reason, other_aid, other_aid_amount, status, tier, repeat_of_id, applicant_id, applicant_name,
            sampled, created_at, updated_at, version)
        VALUES (@id, @fundId, @orgId, @orgPath, @memberId, @memberName, @category, @amount, @year, @reason, @otherAid,
            @otherAidAmount, 'Submitted', @tier, @repeatOfId, @applicantId, @applicantName, @no, @now, @now, 1)
        """;

    public async ValueTask<ApplicationResponse> Handle(
        SubmitApplicationCommand command,
        CancellationToken cancellationToken
    )
    {
        var body = command.Body;
        var scope = await currentScope.GetAsync(cancellationToken);
        var member =
            await members.FindAsync(body.MemberId!.Value, scope, cancellationToken)
            ?? throw AssistanceErrors.NotFoundOnField("memberId");
        var category = body.Category!.Value;
        var amount = body.Amount!.Value;
        var today = clock.Today();
        if (!member.Living && category != AssistanceCategory.DutyDeathFamily)
        {
            throw AssistanceErrors.MemberNotLiving();
        }
        var rules = await ruleSets.ForAsync(member.OrganizationId, cancellationToken);
        if (!ApplicationRules.WithinBand(amount, rules, category))
        {
            throw AssistanceErrors.AmountOutsideBand(
                category,
                Money.FromYuan(rules.MinimumAmountYuan.Value),
                Money.FromYuan(rules.MaxYuanOf(category))
            );
        }
        if (
            category == AssistanceCategory.Hardship
            && await hardships.OnAsync(member.MemberId, today, scope, cancellationToken) is null
        )
        {
            throw AssistanceErrors.NotInHardship();
        }
        if (
            category == AssistanceCategory.OldMember
            && !ApplicationRules.OldMemberEligible(member.BirthDate, member.JoinedOn, today, rules)
        )
        {
            throw AssistanceErrors.NotOldMember(rules.OldMemberMinAge.Value, rules.OldMemberMinStandingYears.Value);
        }
        var fund =
            await Funds.NearestAsync(db, member.OrganizationPath, includeSelf: true, cancellationToken)
            ?? throw AssistanceErrors.NoFund();
        var year = today.Year;
        await YearlyCap.EnsureWithinAsync(db, member.MemberId, amount, today, rules, "amount", cancellationToken);
        var earlier = await db.QueryAsync<Guid>(
            EarlierSql,
            new
            {
                memberId = member.MemberId,
                year,
                category = category.ToString(),
            },
            cancellationToken
        );
        var caller = callers.Current;
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(
            InsertSql,
            new
            {
                id,
                fundId = fund.Id,
                orgId = member.OrganizationId,
                orgPath = member.OrganizationPath,
                memberId = member.MemberId,
                memberName = member.Name,
                category = category.ToString(),
                amount = amount.Fen,
                year,
                reason = body.Reason!.Trim(),
                otherAid = body.OtherAid?.Trim(),
                otherAidAmount = (body.OtherAidAmount ?? Money.Zero).Fen,
                tier = ApplicationRules.TierFor(amount, rules).ToString(),
                repeatOfId = earlier.Count > 0 ? earlier[0] : (Guid?)null,
                applicantId = caller.Id,
                applicantName = caller.ShownName,
                no = false,
                now,
            },
            cancellationToken
        );
        await Applications.RecordStepAsync(
            db,
            id,
            "Submitted",
            caller,
            new { amount, category },
            now,
            cancellationToken
        );
        var row = await Applications.FindAsync(db, scope, id, cancellationToken);
        return await Applications.RespondAsync(db, row, cancellationToken);
    }
}
