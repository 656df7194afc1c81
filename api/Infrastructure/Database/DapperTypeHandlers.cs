using System.Data;
using System.Globalization;
using Dapper;
using Jiceng.Infrastructure.Primitives;
using Microsoft.Data.Sqlite;

namespace Jiceng.Infrastructure.Database;

/// <summary>
/// Value mapping that must behave the same on every provider. SQLite has no native GUID, timestamp or
/// date type, so those are written as sortable ISO text there; the other providers get native values.
/// Handlers decide by the parameter's type, never by global state, so tests can use two providers at once.
/// </summary>
public static class DapperTypeHandlers
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }
        // snake_case columns map onto PascalCase properties without aliases.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.RemoveTypeMap(typeof(Guid));
        SqlMapper.RemoveTypeMap(typeof(Guid?));
        SqlMapper.AddTypeHandler(new GuidHandler());
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
        SqlMapper.AddTypeHandler(new MoneyHandler());
    }

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("D");
            }
            else
            {
                parameter.DbType = DbType.Guid;
                parameter.Value = value;
            }
        }

        public override Guid Parse(object value) =>
            value switch
            {
                Guid guid => guid,
                string text => Guid.Parse(text),
                byte[] bytes => new Guid(bytes),
                _ => throw new DataException($"Cannot read {value.GetType()} as Guid."),
            };
    }

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            var utc = value.ToUniversalTime();
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                // Fixed-width UTC text sorts and compares correctly as a string.
                parameter.Value = utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
            }
            else
            {
                // Columns are timestamp / datetime2 holding UTC by convention (one migration set for all engines).
                parameter.DbType = DbType.DateTime2;
                parameter.Value = DateTime.SpecifyKind(utc.UtcDateTime, DateTimeKind.Unspecified);
            }
        }

        public override DateTimeOffset Parse(object value) =>
            value switch
            {
                DateTimeOffset offset => offset.ToUniversalTime(),
                DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
                string text => DateTimeOffset.Parse(
                    text,
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal
                ),
                _ => throw new DataException($"Cannot read {value.GetType()} as DateTimeOffset."),
            };
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            else
            {
                parameter.DbType = DbType.Date;
                parameter.Value = value.ToDateTime(TimeOnly.MinValue);
            }
        }

        public override DateOnly Parse(object value) =>
            value switch
            {
                DateOnly date => date,
                DateTime dateTime => DateOnly.FromDateTime(dateTime),
                string text => DateOnly.Parse(text, CultureInfo.InvariantCulture),
                _ => throw new DataException($"Cannot read {value.GetType()} as DateOnly."),
            };
    }

    private sealed class MoneyHandler : SqlMapper.TypeHandler<Money>
    {
        public override void SetValue(IDbDataParameter parameter, Money value)
        {
            parameter.DbType = DbType.Int64;
            parameter.Value = value.Fen;
        }

        public override Money Parse(object value) =>
            Money.FromFen(Convert.ToInt64(value, CultureInfo.InvariantCulture));
    }
}
