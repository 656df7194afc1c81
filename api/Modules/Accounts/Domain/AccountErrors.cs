using FluentValidation;
using FluentValidation.Results;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Http;

namespace Jiceng.Modules.Accounts.Domain;

/// <summary>
/// The Accounts module's refusals, each with its stable code and its zh-CN and en-US text: 409s as
/// <see cref="BusinessRuleException"/>, and the 400s that need the database to decide, keyed by their field.
/// </summary>
internal static class AccountErrors
{
    public static BusinessRuleException UsernameTaken(string username) =>
        new("username_taken", $"用户名“{username}”已被使用。", $"The username '{username}' is taken.");

    public static BusinessRuleException Escalation() =>
        new(
            "privilege_escalation",
            "不能授予超出自己权限或管辖范围的角色、权限或组织范围。",
            "You cannot grant roles, permissions or a scope beyond your own."
        );

    public static BusinessRuleException AlreadyRevoked() =>
        new("api_client_revoked", "该接入密钥已吊销。", "The API client is already revoked.");

    public static ValidationException ScopeOrganizationNotFound() =>
        Invalid(
            "scopeOrganizationId",
            "所选党组织不存在或不在您的管辖范围内。",
            "The organization does not exist or is outside your scope."
        );

    /// <summary>
    /// A wrong current password is a mistake in the form's field, not a conflict: 400 on currentPassword.
    /// </summary>
    public static ValidationException CurrentPasswordWrong() =>
        Invalid("currentPassword", "当前密码不正确。", "The current password is wrong.");

    public static ValidationException WeakNewPassword(PasswordProblem problem) =>
        new([new ValidationFailure("newPassword", PasswordPolicy.MessageFor(problem))]);

    private static ValidationException Invalid(string field, string chinese, string english) =>
        new([new ValidationFailure(field, Localized.Text(chinese, english))]);
}
