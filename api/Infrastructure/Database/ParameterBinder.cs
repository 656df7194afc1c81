using System.Collections.Concurrent;
using System.Data;
using System.Reflection;
using Dapper;

namespace Jiceng.Infrastructure.Database;

/// <summary>
/// Dapper sends a null Guid?, DateOnly? or DateTimeOffset? without a type (its type handlers only see
/// non-null values), and PostgreSQL then cannot type <c>@p IS NULL</c> or an INSERT … SELECT list. Such
/// nulls are re-sent with an explicit DbType; objects without them pass through untouched.
/// </summary>
internal static class ParameterBinder
{
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, DbType Type)[]> TypedNullables = new();

    public static object? Bind(object? parameters)
    {
        if (parameters is null or DynamicParameters)
        {
            return parameters;
        }
        var typed = TypedNullables.GetOrAdd(parameters.GetType(), static type => type
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Type: NullableDbType(p.PropertyType)))
            .Where(p => p.Type is not null)
            .Select(p => (p.Property, p.Type!.Value))
            .ToArray());
        if (typed.Length == 0 || typed.All(p => p.Property.GetValue(parameters) is not null))
        {
            return parameters;
        }
        var bag = new DynamicParameters(parameters);
        foreach (var (property, dbType) in typed)
        {
            if (property.GetValue(parameters) is null)
            {
                bag.Add(property.Name, null, dbType);
            }
        }
        return bag;
    }

    private static DbType? NullableDbType(Type type) =>
        type == typeof(Guid?) ? DbType.Guid
        : type == typeof(DateOnly?) ? DbType.Date
        : type == typeof(DateTimeOffset?) ? DbType.DateTime2
        : null;
}
