using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jiceng.Infrastructure.Primitives;

/// <summary>
/// Reads request dates as yyyy-MM-dd between 1900-01-01 and 2199-12-31. Nothing in this domain lies outside
/// that span, and the rules add months and years to dates (an application date + 6 months, a birth date +
/// 18 years): a date near 9999 would overflow there and answer 500 instead of a clear 400.
/// </summary>
public sealed class BoundedDateOnlyConverter : JsonConverter<DateOnly>
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2199, 12, 31);

    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (
            reader.TokenType != JsonTokenType.String
            || !DateOnly.TryParseExact(
                reader.GetString(),
                "yyyy-MM-dd",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var date
            )
        )
        {
            throw new ExplainedJsonException("日期格式为 yyyy-MM-dd。", "A date is written yyyy-MM-dd.");
        }
        if (date < Earliest || date > Latest)
        {
            throw new ExplainedJsonException(
                "日期须在 1900-01-01 至 2199-12-31 之间。",
                "A date lies between 1900-01-01 and 2199-12-31."
            );
        }
        return date;
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}

/// <summary>A request body value refused with a message worth showing on its field, in both languages.</summary>
public sealed class ExplainedJsonException : JsonException
{
    private readonly string _chinese;
    private readonly string _english;

    // The serializer appends the path and position to Message, so the texts to show are kept apart.
    public ExplainedJsonException(string chinese, string english)
        : base(english) => (_chinese, _english) = (chinese, english);

    public string LocalizedMessage => Localized.Text(_chinese, _english);
}
