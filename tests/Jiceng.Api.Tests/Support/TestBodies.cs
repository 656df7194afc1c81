namespace Jiceng.Tests.Support;

// Request bodies as a client writes them: enum names and ISO dates as strings, property names as the OpenAPI
// document spells them. They are the tests' own records, not the API's internal ones, so a renamed or retyped
// property in the API breaks a test instead of silently following it. A property left null is sent as null,
// which the API reads as absent.

/// <summary>The body of <c>POST /api/v1/organizations</c>; without a parent it starts a new region.</summary>
public sealed record NewOrganization(
    string? Name,
    Guid? ParentId = null,
    string? Kind = "Branch",
    string? Field = "UrbanCommunity"
)
{
    public string? ShortName { get; init; }

    public string? SecretaryName { get; init; }

    public string? EstablishedOn { get; init; }

    public string? TermStartedOn { get; init; }

    public string? Description { get; init; }
}

/// <summary>
/// The body of <c>POST /api/v1/members</c>. Start from <see cref="Full"/>, <see cref="Probationary"/> or
/// <see cref="Applicant"/> (each with a fresh valid ID number) and change what the test is about with <c>with</c>.
/// </summary>
public sealed record NewMember
{
    public Guid? OrganizationId { get; init; }

    public string? Name { get; init; }

    public string? Gender { get; init; }

    public string? Ethnicity { get; init; }

    public string? BirthDate { get; init; }

    public string? IdNumber { get; init; }

    public string? Phone { get; init; }

    public string? Education { get; init; }

    public string? Occupation { get; init; }

    public string? Category { get; init; }

    public string? Stage { get; init; }

    public string? AppliedOn { get; init; }

    public string? TalkOn { get; init; }

    public string? ActivistOn { get; init; }

    public string? CandidateOn { get; init; }

    public string? JoinedOn { get; init; }

    public string? FullMemberOn { get; init; }

    /// <summary>A step override: <c>new { reason = "…" }</c> (needs members.override).</summary>
    public object? Override { get; init; }

    /// <summary>A full member: joined and converted on the given dates (a whole year apart by default).</summary>
    public static NewMember Full(
        Guid organizationId,
        string name,
        string birth = "1970-01-01",
        string joinedOn = "2005-07-01",
        string fullMemberOn = "2006-07-01",
        string category = "InService"
    ) =>
        new()
        {
            OrganizationId = organizationId,
            Name = name,
            IdNumber = TestIdNumbers.For(birth),
            Category = category,
            Stage = "Full",
            JoinedOn = joinedOn,
            FullMemberOn = fullMemberOn,
        };

    /// <summary>A probationary member who joined on the given date.</summary>
    public static NewMember Probationary(
        Guid organizationId,
        string name,
        string joinedOn,
        string birth = "1990-01-01",
        string category = "InService"
    ) =>
        new()
        {
            OrganizationId = organizationId,
            Name = name,
            IdNumber = TestIdNumbers.For(birth),
            Category = category,
            Stage = "Probationary",
            JoinedOn = joinedOn,
        };

    /// <summary>A new applicant who applied on the given date.</summary>
    public static NewMember Applicant(
        Guid organizationId,
        string name,
        string appliedOn,
        string birth = "1990-01-01",
        string category = "InService"
    ) =>
        new()
        {
            OrganizationId = organizationId,
            Name = name,
            IdNumber = TestIdNumbers.For(birth),
            Category = category,
            Stage = "Applicant",
            AppliedOn = appliedOn,
        };
}

/// <summary>The body of <c>POST /api/v1/users</c>.</summary>
public sealed record NewUser(
    string? Username,
    string? DisplayName,
    string? Password,
    string[]? Roles,
    Guid? ScopeOrganizationId = null
)
{
    /// <summary>A user with one role, its scope the given organization's subtree (none: everything).</summary>
    public static NewUser WithRole(string username, string password, string role, Guid? scope = null) =>
        new(username, "测试", password, [role], scope);
}
