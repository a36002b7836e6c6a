using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Hyper.Live.Protocol;

/// <summary>
/// Whether the strings of a parsed JSON value can be read. The parser accepts a <c>\ud800</c>
/// escape without its pair, but <see cref="JsonElement.GetString"/> (and anything that logs or
/// binds the value) then throws: a frame must be refused before any of its strings is read.
/// </summary>
internal static class JsonText
{
    /// <summary>
    /// True when every string and property name in <paramref name="element"/> unescapes to
    /// well-formed UTF-16 (no lone surrogate). Only escaped strings are scanned: the reader has
    /// already refused invalid UTF-8, so an unescaped string cannot hold a lone surrogate.
    /// </summary>
    public static bool IsWellFormed(JsonElement element)
    {
        if (element.ValueKind is not (JsonValueKind.String or JsonValueKind.Object or JsonValueKind.Array))
        {
            return true;
        }

        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(element));
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName &&
                reader.ValueIsEscaped && !EscapesAreWellFormed(reader.ValueSpan))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Checks the <c>\uXXXX</c> escapes of a raw (still escaped) JSON string: each surrogate must be half of a pair.</summary>
    private static bool EscapesAreWellFormed(ReadOnlySpan<byte> raw)
    {
        var expectLow = false;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\')
            {
                if (expectLow)
                {
                    return false;
                }

                continue;
            }

            // The reader has validated the escapes: a 'u' is followed by four hex digits.
            i++;
            if (raw[i] != (byte)'u')
            {
                if (expectLow)
                {
                    return false;
                }

                continue;
            }

            if (!Utf8Parser.TryParse(raw.Slice(i + 1, 4), out ushort code, out _, 'X'))
            {
                return false;
            }

            var unit = (char)code;
            i += 4;
            if (char.IsLowSurrogate(unit) != expectLow)
            {
                return false;
            }

            expectLow = char.IsHighSurrogate(unit);
        }

        return !expectLow;
    }
}
