using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Unit;

/// <summary>
/// Every validator in the API, fed instances that break its rules (fields missing, blank, too long, out of range),
/// answers in both languages with the field's display name: never its JSON or C# name, never a quoted identifier.
/// </summary>
public sealed partial class ValidationMessageTests
{
    private enum Variant
    {
        Missing,
        Blank,
        Oversized,
        Invalid,
    }

    private static readonly string[] Cultures = ["zh-CN", "en-US"];

    [OneTimeSetUp]
    public void Configure() => ValidationText.Configure();

    [Test]
    public void No_validation_message_names_a_field_by_its_code_name()
    {
        var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddOptions().BuildServiceProvider();
        var problems = new List<string>();
        var silent = new List<string>();
        var validators = AllValidators().ToList();
        foreach (var (validatorType, validatedType) in validators)
        {
            var validator = (IValidator)ActivatorUtilities.CreateInstance(services, validatorType);
            var rawNames = PropertyNames(validatedType, 0).ToHashSet(StringComparer.Ordinal);
            var messages = 0;
            foreach (var culture in Cultures)
            {
                foreach (var variant in Enum.GetValues<Variant>())
                {
                    foreach (var error in Validate(validator, validatedType, variant, culture))
                    {
                        messages++;
                        // A sort order's values are the JSON names a client types, so its message lists them.
                        var names = error.PropertyName == "Sort" ? [] : rawNames;
                        var problem = Problem(error.ErrorMessage, culture, names, validatedType);
                        if (problem is not null)
                        {
                            problems.Add(
                                $"{validatorType.Name} [{culture}, {variant}] {error.PropertyName}: "
                                    + $"\"{error.ErrorMessage}\" ({problem})"
                            );
                        }
                    }
                }
            }
            if (messages == 0)
            {
                silent.Add(validatorType.Name);
            }
        }
        Assert.Multiple(() =>
        {
            Assert.That(validators, Has.Count.GreaterThan(50), "every validator in the assembly is found");
            Assert.That(silent, Is.Empty, "each validator refuses at least one of the broken instances");
            Assert.That(problems.Distinct().ToList(), Is.Empty, string.Join("\n", problems.Distinct()));
        });
    }

    [Test]
    public void A_message_names_the_field_in_the_requests_language_and_keeps_its_json_key()
    {
        var validator = (IValidator)
            ActivatorUtilities.CreateInstance(
                new ServiceCollection().AddSingleton(TimeProvider.System).BuildServiceProvider(),
                typeof(Jiceng.Modules.Organizations.RecordGrading.RecordGradingValidator)
            );
        var type = typeof(Jiceng.Modules.Organizations.RecordGrading.RecordGradingCommand);
        var chinese = Validate(validator, type, Variant.Missing, "zh-CN").Single(e => e.PropertyName == "level");
        var english = Validate(validator, type, Variant.Missing, "en-US").Single(e => e.PropertyName == "level");
        Assert.Multiple(() =>
        {
            Assert.That(chinese.ErrorMessage, Is.EqualTo("等次不能为空。"));
            Assert.That(english.ErrorMessage, Is.EqualTo("Level must not be empty."));
        });
    }

    private static string? Problem(string message, string culture, HashSet<string> rawNames, Type validatedType)
    {
        var quoted = QuotedIdentifier().Match(message);
        if (quoted.Success)
        {
            return $"quoted identifier {quoted.Value}";
        }
        var text = message;
        if (culture == "en-US")
        {
            // English display names are words too ("Level"): take them out before looking for code names.
            foreach (var name in EnglishNames(validatedType))
            {
                text = text.Replace(name, " ", StringComparison.Ordinal);
            }
        }
        foreach (var raw in rawNames)
        {
            // In English, a one-word camelCase name is an ordinary word ("to"); multi-word ones never are.
            var ordinaryWord = culture == "en-US" && !raw.Skip(1).Any(char.IsUpper) && char.IsLower(raw[0]);
            if (!ordinaryWord && ContainsAsWord(text, raw))
            {
                return $"raw name {raw}";
            }
        }
        return null;
    }

    private static readonly Dictionary<Type, List<string>> EnglishNamesOf = [];

    /// <summary>The English display names of a validated type's fields, in the order they are taken out.</summary>
    private static List<string> EnglishNames(Type validatedType)
    {
        if (!EnglishNamesOf.TryGetValue(validatedType, out var names))
        {
            names = [];
            foreach (var member in Members(validatedType, 0))
            {
                foreach (var owner in new[] { validatedType, member.DeclaringType! })
                {
                    if (FieldNames.Find(owner, member) is { } name)
                    {
                        names.Add(name.English);
                    }
                }
            }
            EnglishNamesOf[validatedType] = names;
        }
        return names;
    }

    /// <summary>
    /// True when <paramref name="word"/> occurs in <paramref name="text"/> with no letter, digit or _ either side. A
    /// search rather than a regular expression per name: a pattern per name and message filled Regex's small cache
    /// and made this test parse thousands of patterns (over a minute).
    /// </summary>
    private static bool ContainsAsWord(string text, string word)
    {
        static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
        var at = text.IndexOf(word, StringComparison.Ordinal);
        for (; at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || !IsWordChar(text[at - 1])) && (end == text.Length || !IsWordChar(text[end])))
            {
                return true;
            }
        }
        return false;
    }

    private static IEnumerable<FluentValidation.Results.ValidationFailure> Validate(
        IValidator validator,
        Type validatedType,
        Variant variant,
        string culture
    )
    {
        var instance = Build(validatedType, variant, 0);
        var context = (IValidationContext)
            Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(validatedType), instance)!;
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return validator.Validate(context).Errors.ToList();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static IEnumerable<(Type Validator, Type Validated)> AllValidators() =>
        typeof(DbSession)
            .Assembly.GetTypes()
            .Where(t =>
                t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(t)
            )
            .Select(t =>
                (
                    t,
                    Concrete(
                        t.GetInterfaces()
                            .Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
                            .GetGenericArguments()[0]
                    )
                )
            )
            .OrderBy(v => v.t.FullName, StringComparer.Ordinal);

    /// <summary>A validator of an interface (the rules several
    /// commands share) is tried on one that implements it.</summary>
    private static Type Concrete(Type validated) =>
        !validated.IsInterface
            ? validated
            : typeof(DbSession)
                .Assembly.GetTypes()
                .Where(t => t is { IsAbstract: false, IsInterface: false } && validated.IsAssignableFrom(t))
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .First();

    private static IEnumerable<PropertyInfo> Members(Type type, int depth)
    {
        if (depth > 4 || !IsComposite(type))
        {
            yield break;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            yield return property;
            var inner =
                ElementType(property.PropertyType)
                ?? Nullable.GetUnderlyingType(property.PropertyType)
                ?? property.PropertyType;
            foreach (var nested in Members(inner, depth + 1))
            {
                yield return nested;
            }
        }
    }

    private static IEnumerable<string> PropertyNames(Type type, int depth) =>
        Members(type, depth)
            .Select(p => p.Name)
            .Where(n => n != "EqualityContract")
            .SelectMany(n => new[] { n, char.ToLowerInvariant(n[0]) + n[1..] });

    private static bool IsComposite(Type type) =>
        type.IsClass
        && type != typeof(string)
        && !typeof(IEnumerable).IsAssignableFrom(type)
        && type.Namespace?.StartsWith("Jiceng", StringComparison.Ordinal) == true;

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }
        if (type.IsArray)
        {
            return type.GetElementType();
        }
        var enumerable =
            type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
                ? type
                : type.GetInterfaces()
                    .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    private static object? Build(Type type, Variant variant, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return variant == Variant.Missing ? null : Build(underlying, variant, depth);
        }
        if (type == typeof(string))
        {
            return variant switch
            {
                Variant.Missing => null,
                Variant.Blank => " \u200B",
                Variant.Oversized => new string('字', 5000),
                _ => "?",
            };
        }
        if (type.IsEnum)
        {
            return variant is Variant.Invalid or Variant.Oversized
                ? Enum.ToObject(type, 999)
                : Activator.CreateInstance(type);
        }
        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(decimal))
        {
            var number = variant switch
            {
                Variant.Missing => 0,
                Variant.Blank => -1,
                Variant.Oversized => int.MaxValue,
                _ => int.MinValue,
            };
            return Convert.ChangeType(number, type, CultureInfo.InvariantCulture);
        }
        if (type == typeof(DateOnly))
        {
            return variant is Variant.Oversized or Variant.Invalid ? DateOnly.MaxValue : default(DateOnly);
        }
        if (type == typeof(DateTimeOffset))
        {
            return variant is Variant.Oversized or Variant.Invalid ? DateTimeOffset.MaxValue : default(DateTimeOffset);
        }
        if (type == typeof(Guid))
        {
            return variant is Variant.Missing or Variant.Blank ? Guid.Empty : Guid.NewGuid();
        }
        if (type.IsValueType)
        {
            return Activator.CreateInstance(type);
        }
        var element = ElementType(type);
        if (element is not null)
        {
            return BuildCollection(type, element, variant, depth);
        }
        if (depth > 5 || type.IsInterface || type.IsAbstract || !IsComposite(type))
        {
            return null;
        }
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        return constructor?.Invoke(
            constructor.GetParameters().Select(p => Build(p.ParameterType, variant, depth + 1)).ToArray()
        );
    }

    private static object? BuildCollection(Type type, Type element, Variant variant, int depth)
    {
        if (variant == Variant.Missing || type.IsGenericType && type.GetGenericArguments().Length > 1)
        {
            return null;
        }
        var items = variant switch
        {
            Variant.Blank => [],
            Variant.Oversized => Enumerable.Range(0, 501).Select(_ => Build(element, variant, depth + 1)).ToList(),
            _ => new List<object?> { Build(element, Variant.Blank, depth + 1), Build(element, variant, depth + 1) },
        };
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        foreach (var item in items)
        {
            list.Add(item);
        }
        if (type.IsAssignableFrom(list.GetType()))
        {
            return list;
        }
        var array = Array.CreateInstance(element, list.Count);
        list.CopyTo(array, 0);
        return type.IsAssignableFrom(array.GetType()) ? array : null;
    }

    /// <summary>'level', "dueOn", “pageSize”, ‘x’: an identifier in quotes of any kind.</summary>
    [GeneratedRegex("['\"‘’“”][A-Za-z_][A-Za-z0-9_.\\[\\]]*['\"‘’“”]")]
    private static partial Regex QuotedIdentifier();
}
