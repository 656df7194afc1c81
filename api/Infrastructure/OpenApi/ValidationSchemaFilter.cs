using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Validators;
using Jiceng.Infrastructure.Mediation;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Jiceng.Infrastructure.OpenApi;

/// <summary>
/// What the FluentValidation rules say about one property of a JSON type, read from the validators' descriptors.
/// Only unconditional rules count: a rule under <c>When</c> does not hold for every request, so the document
/// does not promise it.
/// </summary>
public sealed record ValidatedProperty(PropertyInfo Property)
{
    public bool Required { get; set; }
    public int? MinLength { get; set; }
    public int? MaxLength { get; set; }
    public decimal? Minimum { get; set; }
    public decimal? Maximum { get; set; }
    public bool ExclusiveMinimum { get; set; }
    public bool ExclusiveMaximum { get; set; }
    public string? Pattern { get; set; }
}

/// <summary>
/// The validators' rules by the JSON type that holds the property they check. A rule on <c>c.Body.Name</c> of a
/// command belongs to the body's type (the request schema), a rule on <c>c.Name</c> to the command itself (when the
/// command is the body), and a child validator's rules to its own type.
/// </summary>
public static class ValidatedProperties
{
    public static IReadOnlyDictionary<Type, IReadOnlyDictionary<PropertyInfo, ValidatedProperty>> Build(
        IServiceProvider services,
        Assembly assembly
    )
    {
        var byType = new Dictionary<Type, Dictionary<PropertyInfo, ValidatedProperty>>();
        foreach (var validatedType in ValidatedTypes(assembly))
        {
            var validators = services
                .GetServices(typeof(IValidator<>).MakeGenericType(validatedType))
                .OfType<IValidator>();
            foreach (var validator in validators)
            {
                Add(byType, validator, target => target);
            }
        }
        return byType.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<PropertyInfo, ValidatedProperty>)p.Value);
    }

    private static void Add(
        Dictionary<Type, Dictionary<PropertyInfo, ValidatedProperty>> byType,
        IValidator validator,
        Func<(Type Owner, PropertyInfo Property), (Type Owner, PropertyInfo Property)?> map
    )
    {
        foreach (var rule in validator.CreateDescriptor().Rules)
        {
            if (IsCollectionRule(rule) || rule.HasCondition || rule.HasAsyncCondition)
            {
                continue;
            }
            var components = rule.Components.Where(c => !c.HasCondition && !c.HasAsyncCondition).ToList();
            // A view of the body checked by its own validator (c.Body.Fields()): its properties are the body's.
            if (ViewOf(rule.Expression) is { } viewed)
            {
                foreach (var child in components.Select(c => ChildValidator(c.Validator)).OfType<IValidator>())
                {
                    Add(
                        byType,
                        child,
                        target => viewed.GetProperty(target.Property.Name) is { } same ? map((viewed, same)) : null
                    );
                }
                continue;
            }
            // A record built from the body's properties (new PairingTerms(c.Body.StartsOn, …)): each of its
            // properties is the body property passed for the constructor parameter of that name.
            if (rule.Expression?.Body is NewExpression { Constructor: { } constructor } created)
            {
                var parameters = constructor.GetParameters();
                foreach (var child in components.Select(c => ChildValidator(c.Validator)).OfType<IValidator>())
                {
                    Add(
                        byType,
                        child,
                        target =>
                        {
                            var index = Array.FindIndex(
                                parameters,
                                p => string.Equals(p.Name, target.Property.Name, StringComparison.OrdinalIgnoreCase)
                            );
                            return index >= 0 && Chain(created.Arguments[index]) is { } argument ? map(argument) : null;
                        }
                    );
                }
                continue;
            }
            if (MemberChain(rule.Expression) is not { } chain || map(chain) is not { } mapped)
            {
                continue;
            }
            var (owner, property) = mapped;
            var properties = byType.TryGetValue(owner, out var found) ? found : byType[owner] = [];
            var described = properties.TryGetValue(property, out var known)
                ? known
                : properties[property] = new(property);
            foreach (var component in components)
            {
                Describe(described, component.Validator);
            }
        }
    }

    /// <summary>
    /// The validator a SetValidator(instance) hands its value to. FluentValidation offers it only for a validation
    /// context, so it is read from the adaptor's field (a provider-based adaptor has none and is skipped).
    /// </summary>
    private static IValidator? ChildValidator(IPropertyValidator validator) =>
        validator is IChildValidatorAdaptor
            ? validator
                .GetType()
                .GetField("_validator", BindingFlags.NonPublic | BindingFlags.Instance)
                ?.GetValue(validator) as IValidator
            : null;

    /// <summary>For c.Body.View(): the type of c.Body.</summary>
    private static Type? ViewOf(LambdaExpression? expression) =>
        expression?.Body is MethodCallExpression { Object: { } target, Arguments.Count: 0 } && IsChain(target)
            ? target.Type
            : null;

    private static bool IsChain(Expression? expression)
    {
        while (expression is MemberExpression { Member: PropertyInfo } member)
        {
            expression = member.Expression;
        }
        return expression is ParameterExpression;
    }

    /// <summary>The JSON name of a property, as the API's camelCase serializer writes it.</summary>
    public static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name
        ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static IEnumerable<Type> ValidatedTypes(Assembly assembly) =>
        assembly
            .GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
            .Select(i => i.GetGenericArguments()[0])
            .Distinct();

    private static bool IsCollectionRule(IValidationRule rule) =>
        rule.GetType()
            .GetInterfaces()
            .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));

    /// <summary>The type that declares the checked property and the property, for a plain chain c.A.B.</summary>
    private static (Type Owner, PropertyInfo Property)? MemberChain(LambdaExpression? expression) =>
        expression is null ? null : Chain(expression.Body);

    private static (Type Owner, PropertyInfo Property)? Chain(Expression expression) =>
        expression is MemberExpression { Member: PropertyInfo property, Expression: { } owner } && IsChain(owner)
            ? (owner.Type, property)
            : null;

    private static void Describe(ValidatedProperty described, IPropertyValidator validator)
    {
        switch (validator)
        {
            case INotNullValidator:
                described.Required = true;
                break;
            case INotEmptyValidator:
                described.Required = true;
                if (IsText(described))
                {
                    described.MinLength = Math.Max(described.MinLength ?? 0, 1);
                }
                break;
            case ILengthValidator length:
                if (length.Min > 0)
                {
                    described.MinLength = Math.Max(described.MinLength ?? 0, length.Min);
                }
                if (length.Max > 0)
                {
                    described.MaxLength = Math.Min(described.MaxLength ?? int.MaxValue, length.Max);
                }
                break;
            case IBetweenValidator between when Number(between.From) is { } from && Number(between.To) is { } to:
                var exclusive = validator.Name == "ExclusiveBetweenValidator";
                (described.Minimum, described.ExclusiveMinimum) = (from, exclusive);
                (described.Maximum, described.ExclusiveMaximum) = (to, exclusive);
                break;
            case IComparisonValidator { MemberToCompare: null } comparison
                when Number(comparison.ValueToCompare) is { } value:
                var strict = comparison.Comparison is Comparison.GreaterThan or Comparison.LessThan;
                if (comparison.Comparison is Comparison.GreaterThan or Comparison.GreaterThanOrEqual)
                {
                    (described.Minimum, described.ExclusiveMinimum) = (value, strict);
                }
                else if (comparison.Comparison is Comparison.LessThan or Comparison.LessThanOrEqual)
                {
                    (described.Maximum, described.ExclusiveMaximum) = (value, strict);
                }
                break;
            case IRegularExpressionValidator regex:
                described.Pattern = regex.Expression;
                break;
            default:
                if (
                    validator.GetType().IsGenericType
                    && validator.GetType().GetGenericTypeDefinition() == typeof(RequiredTextValidator<>)
                )
                {
                    described.Required = true;
                    var minimum = (int)
                        validator
                            .GetType()
                            .GetProperty(nameof(RequiredTextValidator<object>.MinimumLength))!
                            .GetValue(validator)!;
                    described.MinLength = Math.Max(described.MinLength ?? 0, minimum);
                }
                break;
        }
    }

    private static bool IsText(ValidatedProperty described) => described.Property.PropertyType == typeof(string);

    private static decimal? Number(object? value) =>
        value switch
        {
            int or long or short or byte or decimal or double or float => Convert.ToDecimal(
                value,
                CultureInfo.InvariantCulture
            ),
            _ => null,
        };
}

/// <summary>
/// Names the properties of a request of which the validator needs one (a rule under <c>When</c>, which the
/// document cannot read from the validator): the schema says so with <c>anyOf</c> alternatives.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresOneOfAttribute(params string[] properties) : Attribute
{
    public IReadOnlyList<string> Properties => properties;
}

/// <summary>
/// Writes the validators' rules into the request schemas (required, not nullable, lengths, ranges, patterns), so a
/// client generated from the document is refused for nothing the document did not say.
/// </summary>
internal sealed class ValidationSchemaFilter(IServiceProvider services) : ISchemaFilter
{
    private readonly Lazy<IReadOnlyDictionary<Type, IReadOnlyDictionary<PropertyInfo, ValidatedProperty>>> _rules = new(
        () =>
            ValidatedProperties.Build(services, typeof(ValidationSchemaFilter).Assembly)
    );

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is not { Count: > 0 } properties)
        {
            return;
        }
        if (context.Type.GetCustomAttribute<RequiresOneOfAttribute>() is { } oneOf)
        {
            concrete.AnyOf =
            [
                .. oneOf.Properties.Select(p => new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { JsonNamingPolicy.CamelCase.ConvertName(p) },
                }),
            ];
        }
        if (!_rules.Value.TryGetValue(context.Type, out var rules))
        {
            return;
        }
        foreach (var rule in rules.Values)
        {
            var name = ValidatedProperties.JsonName(rule.Property);
            if (!properties.TryGetValue(name, out var property))
            {
                continue;
            }
            if (rule.Required)
            {
                concrete.Required ??= new HashSet<string>();
                concrete.Required.Add(name);
            }
            // A $ref (an enumeration, a nested object) takes no sibling keywords in OpenAPI 3.0.
            if (property is not OpenApiSchema inline)
            {
                continue;
            }
            if (rule.Required && inline.Type is { } type)
            {
                inline.Type = type & ~JsonSchemaType.Null;
            }
            inline.MinLength = rule.MinLength ?? inline.MinLength;
            inline.MaxLength = rule.MaxLength ?? inline.MaxLength;
            inline.Pattern = rule.Pattern ?? inline.Pattern;
            if (rule.Minimum is { } minimum)
            {
                inline.Minimum = minimum.ToString(CultureInfo.InvariantCulture);
                inline.ExclusiveMinimum = rule.ExclusiveMinimum ? inline.Minimum : null;
            }
            if (rule.Maximum is { } maximum)
            {
                inline.Maximum = maximum.ToString(CultureInfo.InvariantCulture);
                inline.ExclusiveMaximum = rule.ExclusiveMaximum ? inline.Maximum : null;
            }
        }
    }
}
