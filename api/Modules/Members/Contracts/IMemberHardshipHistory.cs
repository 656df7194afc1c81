using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Members.Contracts;

/// <summary>
/// One entry of the hardship register as the care fund's dynamic ledger (动态台账) sees it: the period, its
/// category (by API name) and its version (for If-Match when the fund's recheck ends it); no notes.
/// </summary>
public sealed record HardshipPeriod(
    Guid HardshipId,
    Guid MemberId,
    string Name,
    Guid OrganizationId,
    string OrganizationPath,
    string Category,
    DateOnly Since,
    DateOnly? Until,
    string MemberStatus,
    long Version
);

/// <summary>What became of a request to end a hardship entry.</summary>
public enum HardshipEndOutcome
{
    Ended,

    /// <summary>No such entry for the member within the scope.</summary>
    NotFound,

    /// <summary>The version given is not the entry's (412).</summary>
    Stale,

    /// <summary>The entry ended before today already.</summary>
    AlreadyEnded,

    /// <summary>The end asked for is before the entry began.</summary>
    EndsBeforeStart,
}

/// <summary>The hardship register over time, and leaving it, for the care fund's dynamic ledger.</summary>
public interface IMemberHardshipHistory
{
    /// <summary>Every entry of the member (newest first); empty when the member is outside the scope.</summary>
    Task<IReadOnlyList<HardshipPeriod>> ForMemberAsync(
        Guid memberId,
        DataScope scope,
        CancellationToken cancellationToken
    );

    /// <summary>Every entry overlapping [from, to] within the scope, by organization, name and start.</summary>
    Task<IReadOnlyList<HardshipPeriod>> OverlappingAsync(
        DateOnly from,
        DateOnly to,
        DataScope scope,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// Ends the entry on <paramref name="until"/> (as Members' own EndHardship does: one conditional UPDATE
    /// guarded by the version), inside the caller's transaction.
    /// </summary>
    Task<HardshipEndOutcome> EndAsync(
        Guid memberId,
        Guid hardshipId,
        long expectedVersion,
        DateOnly until,
        DataScope scope,
        CancellationToken cancellationToken
    );
}
