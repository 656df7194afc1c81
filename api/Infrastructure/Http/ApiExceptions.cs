namespace Jiceng.Infrastructure.Http;

/// <summary>The object does not exist or lies outside what the caller may see: 404.</summary>
public sealed class NotFoundException(string resource) : Exception($"{resource} was not found.")
{
    public string Resource { get; } = resource;
}

/// <summary>
/// A business rule refused the request: 409 with a stable machine-readable <see cref="Code"/> and a
/// message in the caller's language. <see cref="Details"/> become ProblemDetails extensions.
/// </summary>
public sealed class BusinessRuleException : Exception
{
    private readonly string _chinese;

    public BusinessRuleException(
        string code,
        string chinese,
        string english,
        IReadOnlyDictionary<string, object?>? details = null
    )
        : base(english)
    {
        Code = code;
        _chinese = chinese;
        Details = details ?? new Dictionary<string, object?>();
    }

    public string Code { get; }

    public string LocalizedMessage => Localized.Text(_chinese, Message);

    public IReadOnlyDictionary<string, object?> Details { get; }
}

/// <summary>The If-Match version is not the current one: 412.</summary>
public sealed class PreconditionFailedException() : Exception("The resource was changed by someone else.");

/// <summary>An update arrived without If-Match: 428.</summary>
public sealed class PreconditionRequiredException() : Exception("If-Match is required.");

/// <summary>The caller is known but lacks a permission this operation needs: 403.</summary>
public sealed class ForbiddenException(string permission) : Exception($"Permission {permission} is required.")
{
    public string Permission { get; } = permission;
}

/// <summary>A per-caller quota (reveals, sign-ins) is used up: 429 with Retry-After.</summary>
public sealed class TooManyRequestsException(TimeSpan retryAfter) : Exception("Too many requests.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>Every turn to run a request is taken and the queue for one is full: 503 with Retry-After.</summary>
public sealed class ServerBusyException() : Exception("Every turn is taken and the queue for one is full.");
