using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Jiceng.Infrastructure.Primitives;

/// <summary>
/// Text as a reader sees it: trimmed at both ends of whitespace and of characters that show nothing
/// (zero-width space, joiner and non-joiner, BOM, word joiner, soft hyphen and every other format character,
/// control characters, Hangul fillers, the Braille blank). Six zero-width spaces are an empty reason, not a
/// six-character one. Characters inside the text are kept: a joiner between two emoji is meaningful.
/// </summary>
public static class VisibleText
{
    public static string Trim(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var span = text.AsSpan();
        while (
            !span.IsEmpty
            && Rune.DecodeFromUtf16(span, out var first, out var length) == OperationStatus.Done
            && IsInvisible(first)
        )
        {
            span = span[length..];
        }
        while (
            !span.IsEmpty
            && Rune.DecodeLastFromUtf16(span, out var last, out var length) == OperationStatus.Done
            && IsInvisible(last)
        )
        {
            span = span[..^length];
        }
        return span.Length == text.Length ? text : span.ToString();
    }

    /// <summary>True when nothing visible is left after trimming.</summary>
    public static bool IsBlank(string? text) => Trim(text).Length == 0;

    public static bool IsInvisible(Rune rune)
    {
        if (Rune.IsWhiteSpace(rune))
        {
            return true;
        }
        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.Format:
            case UnicodeCategory.Control:
            case UnicodeCategory.SpaceSeparator:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
                return true;
            default:
                // Letters by category that render as nothing: Hangul fillers, the combining grapheme joiner,
                // the Braille pattern blank.
                return rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x034F or 0x2800;
        }
    }

    /// <summary>
    /// Makes every string read from a request body arrive trimmed (see <see cref="Trim"/>), so handlers store and
    /// validators measure the visible text. Passwords are the exception: they are taken exactly as typed.
    /// </summary>
    public static void TrimRequestStrings(JsonSerializerOptions options)
    {
        options.Converters.Add(TrimmingStringConverter.Instance);
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(
            KeepPasswordsAsTyped
        );
    }

    private static void KeepPasswordsAsTyped(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        foreach (var property in type.Properties)
        {
            if (
                property.PropertyType == typeof(string)
                && property.Name.Contains("password", StringComparison.OrdinalIgnoreCase)
            )
            {
                property.CustomConverter = AsTypedStringConverter.Instance;
            }
        }
    }

    private sealed class TrimmingStringConverter : JsonConverter<string>
    {
        public static readonly TrimmingStringConverter Instance = new();

        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? Trim(reader.GetString()) : throw new JsonException();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value);
    }

    private sealed class AsTypedStringConverter : JsonConverter<string>
    {
        public static readonly AsTypedStringConverter Instance = new();

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value);
    }
}
