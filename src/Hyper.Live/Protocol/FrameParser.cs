using System.Text;
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

    /// <summary>
    /// Parses a client binary frame (protocol §2.3): kind 0 (push), four lengths, then join ref, ref,
    /// topic and event as UTF-8, then the raw payload from <see cref="BinaryParseResult.PayloadOffset"/>.
    /// </summary>
    public static BinaryParseResult ParseBinary(ReadOnlySpan<byte> frame)
    {
        const int header = 5;
        if (frame.Length < header || frame[0] != 0)
        {
            return new(null, null, null, null, 0, "a binary frame must be a push: kind 0 and four lengths");
        }

        var offset = header;
        var fields = new string?[4];
        for (var i = 0; i < fields.Length; i++)
        {
            var length = frame[i + 1];
            if (offset + length > frame.Length)
            {
                return new(fields[0], fields[1], fields[2], fields[3], 0, "a binary frame's header is longer than the frame");
            }

            try
            {
                fields[i] = Strict.GetString(frame.Slice(offset, length));
            }
            catch (DecoderFallbackException)
            {
                return new(fields[0], fields[1], fields[2], fields[3], 0, "a binary frame's header must be UTF-8");
            }

            offset += length;
        }

        return new(fields[0], fields[1], fields[2], fields[3], offset, null);
    }

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A parsed binary frame's address and where its payload starts, or why it could not be read (with what could).</summary>
    internal readonly record struct BinaryParseResult(string? JoinRef, string? Ref, string? Topic, string? Event, int PayloadOffset, string? Error);

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
