using System.Collections.Concurrent;
using System.Data;
using System.Reflection;
using Dapper;

namespace Jiceng.Infrastructure.Database;

/// <summary>
/// Two gaps between Dapper's type handlers and our providers, closed before a statement runs:
/// a null Guid?, DateOnly? or DateTimeOffset? is sent without a type (handlers only see non-null values),
/// which PostgreSQL cannot infer in <c>@p IS NULL</c> or an INSERT … SELECT list, so such nulls get an
/// explicit DbType; and on SQLite, where GUIDs are stored as text, a list of GUIDs (expanded by Dapper
/// without the handlers) is sent as text. Objects needing neither pass through untouched.
/// </summary>
internal static class ParameterBinder
{
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, DbType Type)[]> TypedNullables = new();
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> GuidLists = new();

    public static object? Bind(object? parameters, DatabaseProvider provider)
    {
        if (parameters is null or DynamicParameters)
        {
            return parameters;
        }
        var type = parameters.GetType();
        var typedNullables = TypedNullables.GetOrAdd(type, FindTypedNullables);
        var guidLists = provider == DatabaseProvider.Sqlite ? GuidLists.GetOrAdd(type, FindGuidLists) : [];
        if (guidLists.Length == 0 && typedNullables.All(p => p.Property.GetValue(parameters) is not null))
        {
            return parameters;
        }
        // Rebuilt from scratch: a template plus a same-named Add would send a list twice.
        var bag = new DynamicParameters();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(parameters);
            if (guidLists.Contains(property))
            {
                bag.Add(property.Name, ((IEnumerable<Guid>?)value ?? []).Select(id => id.ToString("D")).ToArray());
            }
            else if (value is null)
            {
                bag.Add(
                    property.Name,
                    null,
                    NullableDbType(property.PropertyType) ?? PlainDbType(property.PropertyType)
                );
            }
            else
            {
                bag.Add(property.Name, value);
            }
        }
        return bag;
    }

    private static (PropertyInfo, DbType)[] FindTypedNullables(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Type: NullableDbType(p.PropertyType)))
            .Where(p => p.Type is not null)
            .Select(p => (p.Property, p.Type!.Value))
            .ToArray();

    private static PropertyInfo[] FindGuidLists(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType != typeof(string) && typeof(IEnumerable<Guid>).IsAssignableFrom(p.PropertyType))
            .ToArray();

    /// <summary>The type Dapper itself would give a null of this
    /// property, which a rebuilt parameter must keep.</summary>
    private static DbType PlainDbType(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(string) => DbType.String,
            var t when t == typeof(int) => DbType.Int32,
            var t when t == typeof(long) => DbType.Int64,
            var t when t == typeof(bool) => DbType.Boolean,
            var t when t == typeof(decimal) => DbType.Decimal,
            var t when t == typeof(double) => DbType.Double,
            var t when t == typeof(DateTime) => DbType.DateTime2,
            _ => DbType.String,
        };

    private static DbType? NullableDbType(Type type) =>
        type == typeof(Guid?) ? DbType.Guid
        : type == typeof(DateOnly?) ? DbType.Date
        : type == typeof(DateTimeOffset?) ? DbType.DateTime2
        : null;
}
