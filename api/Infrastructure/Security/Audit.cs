using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jiceng.Infrastructure.Database;
using Mediator;

namespace Jiceng.Infrastructure.Security;

/// <summary>One audited event: what happened to which entity of
/// which organization, with the state before and after.</summary>
public sealed record AuditRecord(
    string Action,
    string? EntityType,
    string? EntityId,
    Guid? OrganizationId,
    object? Before = null,
    object? After = null,
    Caller? Actor = null
);

/// <summary>
/// Lets a handler describe its write precisely (entity, organization, state before). Without one, the
/// audit behaviour derives a record from the command and its response.
/// </summary>
public sealed class AuditTrail
{
    private readonly List<AuditRecord> _records = [];
    private readonly List<AuditRecord> _kept = [];

    public object? Before { get; private set; }

    /// <summary>Whether the command's audit row was already written by a service it called.</summary>
    public bool Written { get; private set; }

    public IReadOnlyList<AuditRecord> Records => _records;

    public void Record(AuditRecord record) => _records.Add(record);

    /// <summary>
    /// A record that holds even when the command is then refused (an answer that is itself the event, such as a
    /// refusal that tells the caller something): written with the command's rows, or after its rollback.
    /// </summary>
    public void RecordEvenIfRefused(AuditRecord record) => _kept.Add(record);

    /// <summary>The records of <see cref="RecordEvenIfRefused"/> not yet written, handed over once.</summary>
    public IReadOnlyList<AuditRecord> TakeKept()
    {
        var kept = _kept.ToList();
        _kept.Clear();
        return kept;
    }

    /// <summary>The entity as it was before the command changed it.</summary>
    public void SetBefore(object? before) => Before = before;

    public void MarkWritten() => Written = true;

    internal void Clear()
    {
        _records.Clear();
        Before = null;
        Written = false;
    }
}

/// <summary>Appends audit rows through the request's session, so they commit or roll back with the change.</summary>
public sealed class AuditWriter(DbSession db, CallerAccessor callers, IDataScopeResolver scopes, TimeProvider clock)
{
    private const string InsertSql = """
        INSERT INTO audit_log (id, at, actor_type, actor_id, actor_name, action, entity_type, entity_id, org_id,
            org_path,
                               client_address, request_id, changes)
        VALUES (@id, @at, @actorType, @actorId, @actorName, @action, @entityType, @entityId, @orgId, @orgPath,
                @clientAddress, @requestId, @changes)
        """;

    public async Task WriteAsync(AuditRecord record, CancellationToken cancellationToken, Caller? actor = null)
    {
        var caller = actor ?? record.Actor ?? callers.Current;
        var orgPath = record.OrganizationId is { } orgId
            ? await scopes.PathOfAsync(db, orgId, cancellationToken)
            : null;
        await db.ExecuteAsync(
            InsertSql,
            new
            {
                id = Guid.CreateVersion7(),
                at = clock.GetUtcNow(),
                actorType = caller.Kind.ToString(),
                actorId = caller.Id,
                actorName = caller.Name,
                action = record.Action,
                entityType = record.EntityType,
                entityId = record.EntityId,
                orgId = record.OrganizationId,
                orgPath,
                clientAddress = caller.ClientAddress,
                requestId = caller.RequestId,
                changes = AuditChanges.Describe(record.Before, record.After),
            },
            cancellationToken
        );
    }
}

/// <summary>
/// Every command that succeeds leaves audit rows written inside its transaction; a refused command leaves
/// none, because its transaction rolls back.
/// </summary>
public sealed partial class AuditBehavior<TMessage, TResponse>(AuditTrail trail, AuditWriter writer)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken
    )
    {
        trail.Clear();
        var response = await next(message, cancellationToken);
        var records =
            trail.Records.Count > 0 || trail.Written
                ? trail.Records.ToList()
                : [Derive(message, response, trail.Before)];
        trail.Clear();
        records.AddRange(trail.TakeKept());
        foreach (var record in records)
        {
            await writer.WriteAsync(record, cancellationToken);
        }
        return response;
    }

    /// <summary>"UpdateOrganizationCommand" → action UpdateOrganization on entity Organization, with ids read from the
    /// message and response.</summary>
    private static AuditRecord Derive(TMessage message, TResponse response, object? before)
    {
        var action = typeof(TMessage).Name.EndsWith("Command", StringComparison.Ordinal)
            ? typeof(TMessage).Name[..^7]
            : typeof(TMessage).Name;
        var entity = Verb().Replace(action, "");
        object? Read(object? source, string name) =>
            source?.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(source);
        var entityId =
            Read(response, "Id")
            ?? Read(message, "Id")
            ?? Read(message, "RectificationId")
            ?? Read(message, "PairingId")
            ?? Read(message, "UserId")
            ?? Read(message, "ClientId");
        var organizationId =
            entity == "Organization"
                ? entityId as Guid?
                : (Read(response, "OrganizationId") ?? Read(message, "OrganizationId")) as Guid?;
        var after = Read(message, "Body") ?? (object)message;
        return new AuditRecord(action, entity, entityId?.ToString(), organizationId, before, after);
    }

    [GeneratedRegex(
        "^(Create|Update|Dissolve|Move|Record|Revise|Open|Close|Add|Revoke|Disable|Change|SignIn|SignOut|Reveal)"
    )]
    private static partial Regex Verb();
}

/// <summary>The changed fields as JSON { field: { before, after } }, personal data masked, passwords removed.</summary>
public static class AuditChanges
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = InfrastructureSetup.CreateJsonOptions();
        // Stored for people to read: Chinese stays Chinese (the column is text, never HTML).
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return options;
    }

    public static string? Describe(object? before, object? after)
    {
        if (before is null && after is null)
        {
            return null;
        }
        var beforeNode = Masked(before);
        var afterNode = Masked(after);
        if (beforeNode is not JsonObject b || afterNode is not JsonObject a)
        {
            return new JsonObject { ["before"] = beforeNode, ["after"] = afterNode }.ToJsonString(Json);
        }
        var changes = new JsonObject();
        foreach (var (field, value) in a)
        {
            var previous = b[field];
            if (!JsonNode.DeepEquals(previous, value))
            {
                changes[field] = new JsonObject { ["before"] = previous?.DeepClone(), ["after"] = value?.DeepClone() };
            }
        }
        return changes.ToJsonString(Json);
    }

    private static JsonNode? Masked(object? value)
    {
        if (value is null)
        {
            return null;
        }
        var node = JsonSerializer.SerializeToNode(value, value.GetType(), Json);
        Mask(node);
        return node;
    }

    private static void Mask(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    var lower = key.ToLowerInvariant();
                    if (
                        lower.Contains("password", StringComparison.Ordinal)
                        || lower.Contains("apikey", StringComparison.Ordinal)
                    )
                    {
                        obj[key] = "***";
                    }
                    else if (
                        lower.Contains("idnumber", StringComparison.Ordinal)
                        && child is JsonValue id
                        && id.TryGetValue<string>(out var idText)
                    )
                    {
                        obj[key] = PersonalDataMask.IdNumber(idText);
                    }
                    else if (
                        lower.Contains("phone", StringComparison.Ordinal)
                        && child is JsonValue phone
                        && phone.TryGetValue<string>(out var phoneText)
                    )
                    {
                        obj[key] = PersonalDataMask.Phone(phoneText);
                    }
                    else
                    {
                        Mask(child);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Mask(item);
                }
                break;
        }
    }
}
