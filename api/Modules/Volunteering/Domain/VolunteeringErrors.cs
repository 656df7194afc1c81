using FluentValidation;
using FluentValidation.Results;
using Jiceng.Infrastructure.Http;

namespace Jiceng.Modules.Volunteering.Domain;

/// <summary>
/// The Volunteering module's refusals, each with its stable code, its zh-CN and en-US text and its details: 409s as
/// <see cref="BusinessRuleException"/> and the 400s that need the database to decide, keyed by their field. The class
/// is partial so each area of the module (demands, micro-wishes, teams and hours) keeps its refusals in its own file
/// (<c>VolunteeringErrors.&lt;Area&gt;.cs</c>); no other file of the module creates them.
/// </summary>
internal static partial class VolunteeringErrors
{
    /// <summary>A 400 on one field that only the database could decide (an organization out of scope, say).</summary>
    private static ValidationException Invalid(string field, string chinese, string english) =>
        new([new ValidationFailure(field, Jiceng.Infrastructure.Localized.Text(chinese, english))]);

    public static ValidationException OrganizationNotFound(string field = "organizationId") =>
        Invalid(
            field,
            "党组织不存在、已撤销或不在您的管理范围内。",
            "The organization does not exist, is dissolved, or is outside your organizations."
        );
}
