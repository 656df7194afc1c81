using System.Reflection;
using Jiceng.Infrastructure.Http;

namespace Jiceng.Infrastructure.Mediation;

/// <summary>A request field as a person reads it: the label its form shows, in both languages.</summary>
public sealed record FieldName(string Chinese, string English)
{
    public string Text => Localized.Text(Chinese, English);
}

/// <summary>
/// One module's display names for the fields of its requests, by JSON name. A catalog applies to the request types
/// in its own namespace and below (a module describes its fields once); where one JSON name means something else in
/// one request, <see cref="Name{TRequest}"/> names it for that request type only.
/// </summary>
public abstract class FieldNameCatalog
{
    private readonly Dictionary<string, FieldName> fields = new(StringComparer.Ordinal);
    private readonly Dictionary<(Type Request, string Field), FieldName> overrides = [];

    /// <summary>The namespace whose request types this catalog names (its own unless it says otherwise).</summary>
    protected internal virtual string Scope => GetType().Namespace ?? string.Empty;

    internal IReadOnlyDictionary<string, FieldName> Fields => fields;

    internal IReadOnlyDictionary<(Type Request, string Field), FieldName> Overrides => overrides;

    protected void Name(string field, string chinese, string english) => fields.Add(field, new(chinese, english));

    protected void Name<TRequest>(string field, string chinese, string english) =>
        overrides.Add((typeof(TRequest), field), new(chinese, english));
}

/// <summary>
/// Finds the display name of a validated field: first a name given for that request type, then the catalog of the
/// nearest enclosing namespace. Catalogs are found by reflection, so a new module only adds its own.
/// </summary>
public static class FieldNames
{
    private static readonly Lazy<FieldNameCatalog[]> Catalogs = new(() =>
        typeof(FieldNames)
            .Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false } && t.IsSubclassOf(typeof(FieldNameCatalog)))
            .Select(t => (FieldNameCatalog)Activator.CreateInstance(t, nonPublic: true)!)
            .OrderByDescending(c => c.Scope.Length)
            .ToArray()
    );

    /// <summary>The name of <paramref name="member"/> when validated as part of <paramref name="request"/>.</summary>
    public static FieldName? Find(Type request, MemberInfo member) =>
        Find(request, ProblemDetailsExceptionHandler.CamelCase(member.Name));

    /// <summary>The name of the JSON field <paramref name="field"/> of <paramref name="request"/>.</summary>
    public static FieldName? Find(Type request, string field)
    {
        foreach (var catalog in Catalogs.Value)
        {
            if (catalog.Overrides.TryGetValue((request, field), out var named))
            {
                return named;
            }
        }
        var requestNamespace = request.Namespace ?? string.Empty;
        foreach (var catalog in Catalogs.Value)
        {
            var inScope =
                requestNamespace == catalog.Scope
                || requestNamespace.StartsWith(catalog.Scope + ".", StringComparison.Ordinal);
            if (inScope && catalog.Fields.TryGetValue(field, out var named))
            {
                return named;
            }
        }
        return null;
    }

    /// <summary>
    /// Messages name a field the way its form does (等次 / Level); a field no catalog names falls back to its JSON name
    /// (a test over every validator keeps that from happening).
    /// </summary>
    internal static string? DisplayName(Type request, MemberInfo? member) =>
        member is null ? null : Find(request, member)?.Text ?? ProblemDetailsExceptionHandler.CamelCase(member.Name);
}

/// <summary>The house's validation settings: display names and message templates, in both languages.</summary>
public static class ValidationText
{
    public static void Configure()
    {
        FluentValidation.ValidatorOptions.Global.LanguageManager = new ValidationLanguage();
        FluentValidation.ValidatorOptions.Global.DisplayNameResolver = (request, member, _) =>
            FieldNames.DisplayName(request, member);
    }
}
