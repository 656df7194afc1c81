using System.Collections.Concurrent;
using System.Reflection;

namespace Jiceng.Infrastructure.Primitives;

/// <summary>
/// The Chinese and English name of an enumeration value: the one source for the OpenAPI document's labels and for
/// the words exports, import templates and messages use for the value.
/// </summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class LabelAttribute(string chinese, string english) : Attribute
{
    public string Chinese => chinese;

    public string English => english;
}

/// <summary>Reads <see cref="LabelAttribute"/>s; an enumeration value without one is a programming error.</summary>
public static class Labels
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, LabelAttribute>> ByType = new();

    /// <summary>Each value's name with its label, in declaration order; empty when the type carries none.</summary>
    public static IReadOnlyDictionary<string, LabelAttribute> Of(Type enumType) =>
        ByType.GetOrAdd(
            enumType,
            type =>
                type.GetFields(BindingFlags.Public | BindingFlags.Static)
                    .Select(f => (f.Name, Label: f.GetCustomAttribute<LabelAttribute>()))
                    .Where(f => f.Label is not null)
                    .ToDictionary(f => f.Name, f => f.Label!)
        );

    public static LabelAttribute Of<T>(T value)
        where T : struct, Enum =>
        Of(typeof(T)).TryGetValue(value.ToString(), out var label)
            ? label
            : throw new InvalidOperationException($"{typeof(T).Name}.{value} has no [Label].");

    /// <summary>The label in the request's language.</summary>
    public static string Text<T>(T value)
        where T : struct, Enum
    {
        var label = Of(value);
        return Localized.Text(label.Chinese, label.English);
    }

    /// <summary>The Chinese label, whatever the request's language (the Party's own terms).</summary>
    public static string Chinese<T>(T value)
        where T : struct, Enum => Of(value).Chinese;

    /// <summary>Every value with its Chinese label, in declaration order.</summary>
    public static Dictionary<T, string> ChineseOf<T>()
        where T : struct, Enum => Enum.GetValues<T>().ToDictionary(v => v, Chinese);
}
