using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Contracts;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.ClaimMicroWish;

/// <param name="Kind">A member, a volunteer team, or an organization (a unit).</param>
/// <param name="Id">The member's, team's or organization's id, within the caller's organizations.</param>
internal sealed record MicroWishClaimant(WishClaimantKind? Kind, Guid? Id);

internal sealed record ClaimMicroWishRequest(MicroWishClaimant? Claimant, DateOnly? ClaimedOn);

/// <summary>
/// A member, a team or an organization takes on an open wish. Of simultaneous claims exactly one succeeds: the
/// guarded UPDATE writes only while the wish is still open, and the others are 409 wish_already_claimed.
/// </summary>
internal sealed record ClaimMicroWishCommand(Guid WishId, long ExpectedVersion, ClaimMicroWishRequest Body)
    : ICommand<MicroWishResponse>;

internal sealed class ClaimMicroWishValidator : AbstractValidator<ClaimMicroWishCommand>
{
    public ClaimMicroWishValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.Claimant).NotNull().SetValidator(new MicroWishClaimantValidator()!);
        RuleFor(c => c.Body.ClaimedOn)
            .Must(d => d is null || d <= clock.Today())
            .WithMessage(_ => Localized.Text("认领日期不能晚于今天。", "The claim date cannot be after today."));
    }
}

internal sealed class MicroWishClaimantValidator : AbstractValidator<MicroWishClaimant>
{
    public MicroWishClaimantValidator()
    {
        RuleFor(c => c.Kind).NotNull().IsInEnum();
        RuleFor(c => c.Id).NotNull();
    }
}

internal sealed class ClaimMicroWishHandler(
    MicroWishSteps steps,
    CallerAccessor callers,
    IMemberDirectory members,
    IVolunteerTeams teams,
    IOrganizationDirectory organizations,
    TimeProvider clock
) : ICommandHandler<ClaimMicroWishCommand, MicroWishResponse>
{
    private const string ClaimSql =
        """
            UPDATE micro_wishes
            SET state = 'Claimed', claimant_kind = @claimantKind, claimant_id = @claimantId,
                claimant_name = @claimantName, claimed_on = @claimedOn, claimed_by = @claimedBy, updated_at = @now,
                version = version + 1
            """
        + "\n"
        + MicroWishStep.Guard;

    public async ValueTask<MicroWishResponse> Handle(ClaimMicroWishCommand command, CancellationToken cancellationToken)
    {
        var step = await steps.StartAsync(command.WishId, command.ExpectedVersion, WishStep.Claim, cancellationToken);
        var kind = command.Body.Claimant!.Kind!.Value;
        var claimantId = command.Body.Claimant.Id!.Value;
        var name = kind switch
        {
            WishClaimantKind.Member => (await members.FindWithinAsync(claimantId, step.Scope, cancellationToken))?.Name,
            WishClaimantKind.Team => (await teams.FindWithinAsync(claimantId, step.Scope, cancellationToken))?.Name,
            _ => (await organizations.FindWithinAsync(claimantId, step.Scope, cancellationToken))?.Name,
        };
        if (name is null)
        {
            throw VolunteeringErrors.WishClaimantNotFound();
        }
        var claimedOn = command.Body.ClaimedOn ?? clock.Today();
        if (claimedOn < step.Wish.PlacedOn)
        {
            throw VolunteeringErrors.WishClaimedBeforePlaced(step.Wish.PlacedOn);
        }
        return await step.AdvanceAsync(
            ClaimSql,
            new
            {
                claimantKind = kind.ToString(),
                claimantId,
                claimantName = name,
                claimedOn,
                claimedBy = callers.Current.Id,
            },
            new
            {
                state = nameof(WishState.Claimed),
                claimantKind = kind.ToString(),
                claimantId,
                claimantName = name,
                claimedOn,
            },
            cancellationToken
        );
    }
}
