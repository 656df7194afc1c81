namespace Jiceng.Modules.Assistance.Domain;

/// <summary>
/// A 1+N pair: an in-service member (<c>helperReported</c>: one who reported to a community under 双报到) helping a
/// member in hardship; <c>lastHelpOn</c> and <c>helpCount</c> from its help logs; <c>stale</c> when no help was
/// logged for the region's months.
/// </summary>
internal sealed record HelperPairResponse(
    Guid Id,
    Guid OrganizationId,
    Guid HelperMemberId,
    string HelperName,
    bool HelperReported,
    Guid HelpedMemberId,
    string HelpedName,
    DateOnly StartedOn,
    DateOnly? EndedOn,
    DateOnly? LastHelpOn,
    int HelpCount,
    bool Stale,
    long Version
);

/// <summary>One help given within a pair: the day and what was done.</summary>
internal sealed record HelpLogResponse(Guid Id, Guid PairingId, DateOnly HelpedOn, string What, string RecordedByName);

internal sealed record HelperPairRow
{
    public Guid Id { get; init; }
    public Guid OrgId { get; init; }
    public string OrgPath { get; init; } = "";
    public Guid RegionRootId { get; init; }
    public Guid HelperMemberId { get; init; }
    public string HelperName { get; init; } = "";
    public bool HelperReported { get; init; }
    public Guid HelpedMemberId { get; init; }
    public string HelpedName { get; init; } = "";
    public DateOnly StartedOn { get; init; }
    public DateOnly? EndedOn { get; init; }
    public DateOnly? LastHelpOn { get; init; }
    public int HelpCount { get; init; }
    public long Version { get; init; }

    public HelperPairResponse ToResponse(DateOnly today, int staleMonths) =>
        new(
            Id,
            OrgId,
            HelperMemberId,
            HelperName,
            HelperReported,
            HelpedMemberId,
            HelpedName,
            StartedOn,
            EndedOn,
            LastHelpOn,
            HelpCount,
            EndedOn is null && CareRules.IsStale(StartedOn, LastHelpOn, today, staleMonths),
            Version
        );
}

internal static class HelperPairs
{
    public const string Columns = """
        id, org_id, org_path, region_root_id, helper_member_id, helper_name, helper_reported, helped_member_id,
            helped_name, started_on, ended_on, last_help_on, help_count, version
        """;

    public const string FindSql =
        "SELECT " + Columns + " FROM assistance_pairings WHERE id = @id AND org_path >= @from AND org_path < @to";
}
