using System.Security.Claims;
using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Infrastructure.Security;

public enum CallerKind
{
    [Label("匿名", "Anonymous")]
    Anonymous,

    [Label("用户", "User")]
    User,

    [Label("API 客户端", "API client")]
    ApiClient,

    [Label("系统", "System")]
    System,
}

/// <summary>The claim types the API issues and reads.</summary>
public static class JicengClaims
{
    public const string Kind = "jiceng:kind";
    public const string Permission = "jiceng:perm";
    public const string Scope = "jiceng:scope";
    public const string RateLimit = "jiceng:rate";
    public const string SecurityStamp = "jiceng:stamp";
    public const string Session = "jiceng:sid";
    public const string DisplayName = "jiceng:display";
    public const string Role = ClaimTypes.Role;
}

/// <summary>Who is calling: a signed-in user, an API client, the system itself (start-up, seeding) or nobody.</summary>
public sealed record Caller(
    CallerKind Kind,
    Guid? Id,
    string Name,
    IReadOnlySet<string> Permissions,
    Guid? ScopeOrganizationId,
    string? ClientAddress,
    string? RequestId,
    string? DisplayName = null
)
{
    /// <summary>
    /// The name people read on a record of who did something: the user's display name (吴秀兰), else the
    /// username or client name. <see cref="Name"/> stays the username, which audit and logs key on.
    /// </summary>
    public string ShownName => string.IsNullOrWhiteSpace(DisplayName) ? Name : DisplayName;

    public static readonly Caller System = new(
        CallerKind.System,
        null,
        "system",
        Security.Permissions.All.ToHashSet(),
        null,
        null,
        null
    );

    public bool Has(string permission) => Permissions.Contains(permission);

    /// <summary>Null scope means the whole tree, which only the system and system administrators have.</summary>
    public bool HasWholeTree => ScopeOrganizationId is null;

    public static Caller From(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return new Caller(
                CallerKind.Anonymous,
                null,
                "anonymous",
                new HashSet<string>(),
                null,
                context.Connection.RemoteIpAddress?.ToString(),
                context.TraceIdentifier
            );
        }
        var kind = Enum.TryParse<CallerKind>(user.FindFirstValue(JicengClaims.Kind), out var parsed)
            ? parsed
            : CallerKind.User;
        var scope = Guid.TryParse(user.FindFirstValue(JicengClaims.Scope), out var scopeId) ? scopeId : (Guid?)null;
        return new Caller(
            kind,
            Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null,
            user.Identity.Name ?? "",
            user.FindAll(JicengClaims.Permission).Select(c => c.Value).ToHashSet(),
            scope,
            context.Connection.RemoteIpAddress?.ToString(),
            context.TraceIdentifier,
            user.FindFirstValue(JicengClaims.DisplayName)
        );
    }
}

/// <summary>The caller of the current request, or <see cref="Caller.System"/> outside one.</summary>
public sealed class CallerAccessor(IHttpContextAccessor http)
{
    private Caller? _override;
    private (System.Security.Claims.ClaimsPrincipal User, Caller Caller)? _cached;

    /// <summary>Built once per principal: handlers, audit and scope
    /// all ask, and the claims do not change mid-request.</summary>
    public Caller Current
    {
        get
        {
            if (_override is not null)
            {
                return _override;
            }
            if (http.HttpContext is not { } context)
            {
                return Caller.System;
            }
            if (_cached is not { } cached || !ReferenceEquals(cached.User, context.User))
            {
                _cached = cached = (context.User, Caller.From(context));
            }
            return cached.Caller;
        }
    }

    /// <summary>For start-up work (seeding) that acts as the system inside a scope.</summary>
    public void ActAsSystem() => _override = Caller.System;

    /// <summary>For work outside a request that acts for a known caller (background jobs, tests).</summary>
    public void ActAs(Caller caller) => _override = caller;
}
