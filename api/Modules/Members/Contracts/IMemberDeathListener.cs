namespace Jiceng.Modules.Members.Contracts;

/// <summary>A death as recorded on the register (the member's organization and its path at the time).</summary>
public sealed record MemberDeath(
    Guid MemberId,
    string Name,
    Guid OrganizationId,
    string OrganizationPath,
    DateOnly DiedOn
);

/// <summary>
/// Told inside RecordDeath's transaction after the death is recorded (e.g. the care fund proposes a condolence
/// payment): a listener's failure refuses the whole recording, so no death is recorded without what follows it.
/// Registered as a scoped service by any module that cares.
/// </summary>
public interface IMemberDeathListener
{
    Task OnMemberDiedAsync(MemberDeath death, CancellationToken cancellationToken);
}
