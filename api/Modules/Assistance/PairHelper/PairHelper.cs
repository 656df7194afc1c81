using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Jiceng.Modules.Members.Contracts;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Assistance.PairHelper;

internal sealed record PairHelperRequest(Guid? HelperMemberId, Guid? HelpedMemberId, DateOnly? StartedOn);

/// <summary>
/// Pairs an in-service member with a member in hardship (one helper may help N): the helper must be active and in
/// service, the helped member in hardship on the start day; the pair belongs to the helped member's organization.
/// </summary>
internal sealed record PairHelperCommand(PairHelperRequest Body) : ICommand<HelperPairResponse>;

internal sealed class PairHelperValidator : AbstractValidator<PairHelperCommand>
{
    public PairHelperValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.HelperMemberId).NotEmpty();
        RuleFor(c => c.Body.HelpedMemberId).NotEmpty();
        RuleFor(c => c.Body.StartedOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("结对日期不能晚于今天。", "The pairing cannot start after today."));
    }
}

internal sealed class PairHelperHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    IMemberCareRegister register,
    IMemberHardships hardships,
    AssistanceRuleSets rules,
    TimeProvider clock
) : ICommandHandler<PairHelperCommand, HelperPairResponse>
{
    // One open pair of the same two members at a time, decided by the inserting statement.
    private const string InsertSql = """
        INSERT INTO assistance_pairings (id, org_id, org_path, region_root_id, helper_member_id, helper_name,
            helper_org_id, helper_reported, helped_member_id, helped_name, started_on, help_count, created_at,
            updated_at, version)
        SELECT @id, @orgId, @orgPath, @regionRootId, @helperId, @helperName, @helperOrgId, @helperReported, @helpedId,
            @helpedName, @startedOn, 0, @now, @now, 1
        WHERE NOT EXISTS (SELECT 1 FROM assistance_pairings WHERE helper_member_id = @helperId
            AND helped_member_id = @helpedId AND ended_on IS NULL)
        """;

    public async ValueTask<HelperPairResponse> Handle(PairHelperCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var scope = await currentScope.GetAsync(cancellationToken);
        var startedOn = body.StartedOn!.Value;
        if (body.HelperMemberId == body.HelpedMemberId)
        {
            throw AssistanceErrors.PairingWithSelf();
        }
        var helper =
            await register.FindAsync(body.HelperMemberId!.Value, startedOn, scope, cancellationToken)
            ?? throw AssistanceErrors.CareMemberNotFound("helperMemberId");
        var helped =
            await register.FindAsync(body.HelpedMemberId!.Value, startedOn, scope, cancellationToken)
            ?? throw AssistanceErrors.CareMemberNotFound("helpedMemberId");
        if (helper.Status != "Active")
        {
            throw AssistanceErrors.CareMemberNotActive("helperMemberId");
        }
        if (helped.Status != "Active")
        {
            throw AssistanceErrors.CareMemberNotActive("helpedMemberId");
        }
        if (helper.Category != "InService")
        {
            throw AssistanceErrors.HelperNotInService();
        }
        if (await hardships.OnAsync(helped.MemberId, startedOn, scope, cancellationToken) is null)
        {
            throw AssistanceErrors.NotInHardship("helpedMemberId");
        }
        var place =
            await CarePlaces.LocateAsync(organizations, helped.OrganizationId, scope, cancellationToken)
            ?? throw AssistanceErrors.CareMemberNotFound("helpedMemberId");
        var id = Guid.CreateVersion7();
        var inserted = await db.ExecuteAsync(
            InsertSql,
            new
            {
                id,
                orgId = place.Id,
                orgPath = place.Path,
                regionRootId = place.RegionRootId,
                helperId = helper.MemberId,
                helperName = helper.Name,
                helperOrgId = helper.OrganizationId,
                helperReported = helper.ReportedToCommunity,
                helpedId = helped.MemberId,
                helpedName = helped.Name,
                startedOn,
                now = clock.GetUtcNow(),
            },
            cancellationToken
        );
        if (inserted == 0)
        {
            throw AssistanceErrors.PairingExists();
        }
        var region = await rules.ForAsync(place.Id, cancellationToken);
        var row = (
            await db.QuerySingleOrDefaultAsync<HelperPairRow>(
                HelperPairs.FindSql,
                new
                {
                    id,
                    from = scope.From,
                    to = scope.To,
                },
                cancellationToken
            )
        )!;
        return row.ToResponse(clock.Today(), region.StalePairingMonths.Value);
    }
}
