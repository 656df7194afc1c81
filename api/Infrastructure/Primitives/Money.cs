using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jiceng.Infrastructure.Primitives;

/// <summary>
/// An amount of renminbi held as integer 分 (fen). Stored as BIGINT; shown in JSON as a decimal yuan
/// amount with two places. Never a floating-point number: SQLite would turn DECIMAL into one.
/// </summary>
[JsonConverter(typeof(MoneyJsonConverter))]
public readonly record struct Money(long Fen) : IComparable<Money>
{
    public static Money Zero => default;

    public static Money FromFen(long fen) => new(fen);

    /// <summary>Refuses amounts with fractions of a fen instead of rounding them silently.</summary>
    public static Money FromYuan(decimal yuan)
    {
        var fen = yuan * 100m;
        if (fen != decimal.Truncate(fen))
        {
            throw new ArgumentException("An amount has at most two decimal places.", nameof(yuan));
        }
        if (fen > long.MaxValue || fen < long.MinValue)
        {
            throw new OverflowException("The amount is out of range.");
        }
        return new Money((long)fen);
    }

    public decimal Yuan => Fen / 100m;

    public static Money operator +(Money a, Money b) => new(checked(a.Fen + b.Fen));

    public static Money operator -(Money a, Money b) => new(checked(a.Fen - b.Fen));

    public static bool operator <(Money a, Money b) => a.Fen < b.Fen;

    public static bool operator >(Money a, Money b) => a.Fen > b.Fen;

    public static bool operator <=(Money a, Money b) => a.Fen <= b.Fen;

    public static bool operator >=(Money a, Money b) => a.Fen >= b.Fen;

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    public override string ToString() => Yuan.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>Writes 分 as a yuan number with two places (1234 → 12.34) and reads it back exactly.</summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        decimal yuan = reader.TokenType switch
        {
            JsonTokenType.Number => reader.GetDecimal(),
            JsonTokenType.String
                when decimal.TryParse(
                    reader.GetString(),
                    NumberStyles.Number,
                    CultureInfo.InvariantCulture,
                    out var parsed
                ) => parsed,
            _ => throw new JsonException("An amount is a number of yuan with at most two decimal places."),
        };
        try
        {
            return Money.FromYuan(yuan);
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            throw new JsonException("An amount is a number of yuan with at most two decimal places.", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.ToString(), skipInputValidation: true);
}
