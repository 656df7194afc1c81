using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation.Results;
using Jiceng.Infrastructure;

namespace Jiceng.Modules.Organizations.Contracts;

/// <summary>
/// One number rule of a region's rule set: its value and the text it comes from. <see cref="Local"/>,
/// <see cref="Min"/> and <see cref="Max"/> come from the rule's definition, never from a client or the database:
/// only a local rule may differ between regions, and only within its bounds.
/// </summary>
public sealed record NumberRule(int Value, string Source)
{
    /// <summary>Whether a region may change this rule (DOMAIN.md marks it *local*); otherwise it is fixed.</summary>
    public bool Local { get; init; }

    /// <summary>The least value a region may set (local rules only).</summary>
    public int? Min { get; init; }

    /// <summary>The greatest value a region may set (local rules only).</summary>
    public int? Max { get; init; }
}

/// <summary>
/// How one number rule of a section is defined: its JSON name, its label, its value where a region sets nothing,
/// the text it comes from, and whether it is local (a region may change it within [Min, Max]) or fixed by the
/// Party Constitution or a central regulation (the same everywhere: a stored or sent value has no effect).
/// </summary>
public sealed record RuleDefinition(
    string Name,
    string Chinese,
    string English,
    int Default,
    string Source,
    bool Local,
    int Min,
    int Max
)
{
    /// <summary>A rule the Party Constitution or a central regulation fixes: no region may change it.</summary>
    public static RuleDefinition Fixed(string name, string chinese, string english, int value, string source) =>
        new(name, chinese, english, value, source, false, value, value);

    /// <summary>A rule marked *local* in DOMAIN.md: each region may set it between min and max.</summary>
    public static RuleDefinition Regional(
        string name,
        string chinese,
        string english,
        int value,
        int min,
        int max,
        string source
    ) => new(name, chinese, english, value, source, true, min, max);

    public string Label => Localized.Text(Chinese, English);

    /// <summary>The rule with this definition's flags and bounds.</summary>
    public NumberRule With(int value, string source) =>
        new(value, source)
        {
            Local = Local,
            Min = Local ? Min : null,
            Max = Local ? Max : null,
        };

    /// <summary>The rule as it applies where a region has set nothing.</summary>
    public NumberRule DefaultRule => With(Default, Source);
}

/// <summary>
/// A module's section of the region rule set (as statistics contributors add figures): the module owns its rules,
/// their defaults, their source texts and their bounds, and registers the section as a singleton
/// <see cref="IRuleSetSection"/>. Organizations composes the document from every registered section without
/// knowing any of them, so a new module adds its rules without editing Organizations.
/// </summary>
public interface IRuleSetSection
{
    /// <summary>The section's property in the document, e.g. "memberPipeline".</summary>
    string Key { get; }

    /// <summary>The section's type (its schema in the OpenAPI document).</summary>
    Type Type { get; }

    /// <summary>The section's number rules with their defaults, sources, and fixed or local bounds.</summary>
    IReadOnlyList<RuleDefinition> NumberRules { get; }

    /// <summary>
    /// The section in force, from what is stored (null: nothing stored): fixed rules at their values and texts,
    /// local rules as the region set them, a rule the region never set at its default. Unknown properties drop.
    /// </summary>
    JsonObject Effective(JsonObject? stored);

    /// <summary>What is wrong with a section a client sent (property paths within the section).</summary>
    IReadOnlyList<ValidationFailure> Validate(JsonObject sent);
}

/// <summary>
/// A section read as its own record type <typeparamref name="T"/>: number rules are handled from
/// <see cref="NumberRules"/>; a section with other rules (lists, levels) validates them in
/// <see cref="ValidateOther"/>.
/// </summary>
public abstract class RuleSetSection<T> : IRuleSetSection
    where T : class
{
    protected static readonly JsonSerializerOptions Json = InfrastructureSetup.CreateJsonOptions();

    public abstract string Key { get; }

    public Type Type => typeof(T);

    public abstract IReadOnlyList<RuleDefinition> NumberRules { get; }

    /// <summary>The whole section as a region starts with it (number rules at their defaults).</summary>
    public abstract T Defaults { get; }

    /// <summary>The section in force, as its record.</summary>
    public T Read(JsonObject? stored) =>
        Effective(stored).Deserialize<T>(Json)
        ?? throw new InvalidOperationException($"Rule set section {Key} is empty.");

    public JsonObject Effective(JsonObject? stored)
    {
        var section = JsonSerializer.SerializeToNode(Defaults, Json)!.AsObject();
        var numbers = NumberRules.ToDictionary(r => r.Name, StringComparer.Ordinal);
        foreach (var name in section.Select(p => p.Key).ToList())
        {
            if (!numbers.ContainsKey(name) && stored?[name] is { } given)
            {
                section[name] = given.DeepClone();
            }
        }
        foreach (var definition in NumberRules)
        {
            var rule = definition.DefaultRule;
            if (definition.Local && stored?[definition.Name] is JsonObject given)
            {
                rule = definition.With(
                    IntegerOf(given["value"]) ?? definition.Default,
                    TextOf(given["source"]) is { Length: > 0 } source ? source : definition.Source
                );
            }
            section[definition.Name] = JsonSerializer.SerializeToNode(rule, Json);
        }
        return section;
    }

    public IReadOnlyList<ValidationFailure> Validate(JsonObject sent)
    {
        var failures = new List<ValidationFailure>();
        foreach (var definition in NumberRules)
        {
            // A rule left out keeps its default: a client written before a rule was added still saves its set.
            if (sent[definition.Name] is not { } node)
            {
                continue;
            }
            var value = node is JsonObject rule ? IntegerOf(rule["value"]) : null;
            if (value is not { } given)
            {
                failures.Add(
                    new(
                        $"{definition.Name}.value",
                        Text($"{definition.Chinese}须为整数。", $"{definition.English} must be a whole number.")
                    )
                );
                continue;
            }
            if (!definition.Local && given != definition.Default)
            {
                failures.Add(
                    new(
                        $"{definition.Name}.value",
                        Text(
                            $"{definition.Chinese}由党章或党内法规统一规定，各地不能更改（应为 {definition.Default}）。",
                            $"{definition.English} is fixed by the Party Constitution or a Party regulation for "
                                + $"every region and cannot be changed (it is {definition.Default})."
                        )
                    )
                );
            }
            if (definition.Local && (given < definition.Min || given > definition.Max))
            {
                failures.Add(
                    new(
                        $"{definition.Name}.value",
                        Text(
                            $"{definition.Chinese}须在 {definition.Min} 到 {definition.Max} 之间。",
                            $"{definition.English} must be between {definition.Min} and {definition.Max}."
                        )
                    )
                );
            }
            var source = TextOf(node["source"]);
            if (definition.Local && (string.IsNullOrWhiteSpace(source) || source.Length > 1000))
            {
                failures.Add(
                    new(
                        $"{definition.Name}.source",
                        Text(
                            $"{definition.Chinese}的依据须填写，不超过 1000 个字。",
                            $"The source of {definition.English} is required, at most 1000 characters."
                        )
                    )
                );
            }
        }
        T section;
        try
        {
            section = Read(sent);
        }
        catch (JsonException wrong)
        {
            var path = wrong.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "";
            failures.Add(new(path, Text("格式不正确。", "The value has the wrong format.")));
            return failures;
        }
        failures.AddRange(ValidateOther(section));
        return failures;
    }

    /// <summary>Checks the rules that are not single numbers (their paths within the section).</summary>
    protected virtual IEnumerable<ValidationFailure> ValidateOther(T section) => [];

    private static string Text(string chinese, string english) => Localized.Text(chinese, english);

    private static int? IntegerOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var n)
            ? n
            : null;

    private static string? TextOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}

/// <summary>
/// Reads a module's section of the rule set in force for organizations' regions (a region's own set, else the
/// default one). Fixed rules come at their national values whatever is stored.
/// </summary>
public interface IRegionRuleSets
{
    Task<T> SectionAsync<T>(Guid organizationId, CancellationToken cancellationToken)
        where T : class;

    /// <summary>
    /// For a row that keeps its organization's region root (kept current by the subtree move listeners): the set
    /// in force there, without looking the region up.
    /// </summary>
    Task<T> SectionOfRegionAsync<T>(Guid regionRootId, CancellationToken cancellationToken)
        where T : class;

    /// <summary>For many organizations at once (lists, imports): regions looked up once, each set read once.</summary>
    Task<IReadOnlyDictionary<Guid, T>> SectionAsync<T>(
        IReadOnlyCollection<Guid> organizationIds,
        CancellationToken cancellationToken
    )
        where T : class;
}
