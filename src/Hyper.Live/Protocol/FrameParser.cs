using System.Text.Json;

namespace Hyper.Live.Protocol;

/// <summary>
/// Parses client text frames. A frame that is not a well-formed V2 array is rejected with
/// a reason, and, when its ref and topic can still be read, enough to answer it. Every string
/// of an accepted frame, payload included, is well-formed UTF-16: nothing downstream (binding,
/// logging, the crash report) can then throw reading one.
/// </summary>
internal static class FrameParser
{
    public static ParseResult Parse(ReadOnlySpan<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray());
        }
        catch (JsonException)
        {
            return ParseResult.Failed("the frame is not valid JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                return ParseResult.Failed("a frame must be a JSON array [join_ref, ref, topic, event, payload]");
            }

            var length = root.GetArrayLength();
            if (!AddressIsReadable(root, length))
            {
                // No reply could reach the sender (or name it without throwing): the caller closes.
                return ParseResult.Failed("join_ref, ref and topic must be well-formed strings (no lone surrogate escapes)");
            }

            var refValue = length > 1 && root[1].ValueKind == JsonValueKind.String ? root[1].GetString() : null;
            var topic = length > 2 && root[2].ValueKind == JsonValueKind.String ? root[2].GetString() : null;
            var joinRef = length > 0 && root[0].ValueKind == JsonValueKind.String ? root[0].GetString() : null;
            if (length != 5)
            {
                return ParseResult.Failed($"a frame must have 5 elements, not {length}", joinRef, refValue, topic);
            }

            if (root[0].ValueKind is not (JsonValueKind.String or JsonValueKind.Null) ||
                root[1].ValueKind is not (JsonValueKind.String or JsonValueKind.Null) ||
                topic is null || root[3].ValueKind != JsonValueKind.String)
            {
                return ParseResult.Failed("join_ref and ref must be strings or null, topic and event strings", joinRef, refValue, topic);
            }

            var payload = root[4];
            if (payload.ValueKind != JsonValueKind.Object)
            {
                return ParseResult.Failed("the payload must be a JSON object", joinRef, refValue, topic);
            }

            if (!JsonText.IsWellFormed(root[3]) || !JsonText.IsWellFormed(payload))
            {
                return ParseResult.Failed("the event name and payload must be well-formed strings (no lone surrogate escapes)", joinRef, refValue, topic);
            }

            return new ParseResult(new PhoenixMessage(joinRef, refValue, topic, root[3].GetString()!, payload.Clone()), null, joinRef, refValue, topic);
        }
    }

    /// <summary>Whether join_ref, ref and topic (those present) can be read to address a reply.</summary>
    private static bool AddressIsReadable(JsonElement root, int length)
    {
        for (var i = 0; i < Math.Min(length, 3); i++)
        {
            if (!JsonText.IsWellFormed(root[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The parsed message, or why parsing failed and what could be salvaged for a reply.</summary>
    internal readonly record struct ParseResult(PhoenixMessage? Message, string? Error, string? JoinRef, string? Ref, string? Topic)
    {
        public static ParseResult Failed(string error, string? joinRef = null, string? refValue = null, string? topic = null) =>
            new(null, error, joinRef, refValue, topic);
    }
}
