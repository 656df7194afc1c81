using Jiceng.Infrastructure.Mediation;

namespace Jiceng.Modules.Accounts;

/// <summary>The Accounts module's request fields as its forms label them.</summary>
internal sealed class AccountFieldNames : FieldNameCatalog
{
    public AccountFieldNames()
    {
        Name("username", "用户名", "Username");
        Name("displayName", "姓名", "Display name");
        Name("password", "密码", "Password");
        Name("currentPassword", "当前密码", "Current password");
        Name("newPassword", "新密码", "New password");
        Name("roles", "角色", "Roles");
        Name("name", "名称", "Name");
        Name("permissions", "权限", "Permissions");
        Name("rateLimitPerMinute", "每分钟请求上限", "Requests per minute");
        Name("action", "操作", "Action");
        Name("entityType", "对象类型", "Record type");
        Name("entityId", "对象编号", "Record ID");
        Name("from", "开始时间", "From");
        Name("to", "结束时间", "Until");
    }
}
