using System.Text.Json;

namespace Hyper.Live.Uploads;

/// <summary>A file as the browser declares it, in a form event's <c>uploads</c> or an <c>allow_upload</c>.</summary>
internal sealed record ClientEntry(string Ref, string Name, long Size, string Type, long? LastModified)
{
    /// <summary>The longest entry ref accepted: the client counts up from "0", and the ref ends up in a topic.</summary>
    private const int MaxRefLength = 32;

    /// <summary>The well-formed entries of <paramref name="entries"/> (a JSON array); malformed ones are skipped.</summary>
    public static IEnumerable<ClientEntry> ReadAll(JsonElement entries)
    {
        if (entries.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var item in entries.EnumerateArray())
        {
            if (Read(item) is { } entry)
            {
                yield return entry;
            }
        }
    }

    private static ClientEntry? Read(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object ||
            !item.TryGetProperty("ref"u8, out var refValue) || refValue.ValueKind != JsonValueKind.String ||
            !item.TryGetProperty("size"u8, out var size) || size.ValueKind != JsonValueKind.Number || !size.TryGetInt64(out var bytes) || bytes < 0)
        {
            return null;
        }

        var entryRef = refValue.GetString()!;
        if (entryRef.Length is 0 or > MaxRefLength)
        {
            return null;
        }

        var name = item.TryGetProperty("name"u8, out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : entryRef;
        var type = item.TryGetProperty("type"u8, out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        long? modified = item.TryGetProperty("last_modified"u8, out var m) && m.ValueKind == JsonValueKind.Number && m.TryGetInt64(out var ms) ? ms : null;
        return new ClientEntry(entryRef, name, bytes, type, modified);
    }
}
