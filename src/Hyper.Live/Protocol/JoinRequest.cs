using System.Text.Json;

namespace Hyper.Live.Protocol;

/// <summary>The payload of a <c>phx_join</c> on a view topic (protocol §3.1).</summary>
internal sealed record JoinRequest(Uri? Url, Uri? Redirect, string? Session, string? Static, string? Flash, int Mounts)
{
    private static readonly string[] StringFields = ["session", "static", "flash"];
    private static readonly string[] UrlFields = ["url", "redirect"];

    /// <summary>Reads a join; a field of the wrong kind reads as absent (see <see cref="Problem"/> to refuse it instead).</summary>
    public static JoinRequest Read(JsonElement payload) => new(
        WireUrl.Read(payload, "url"),
        WireUrl.Read(payload, "redirect"),
        String(payload, "session"),
        String(payload, "static"),
        String(payload, "flash"),
        Params(payload) is { } parameters && parameters.TryGetProperty("_mounts"u8, out var mounts) &&
        mounts.ValueKind == JsonValueKind.Number && mounts.TryGetInt32(out var count) ? count : 0);

    /// <summary>
    /// What makes <paramref name="payload"/> unusable as a join, or null: a field of the wrong
    /// kind, a URL that is not absolute http(s), or <c>_mounts</c> that is not a count.
    /// </summary>
    public static string? Problem(JsonElement payload)
    {
        foreach (var name in StringFields)
        {
            if (payload.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return $"'{name}' must be a string";
            }
        }

        foreach (var name in UrlFields)
        {
            if (payload.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null && WireUrl.Read(payload, name) is null)
            {
                return $"'{name}' must be an absolute http or https URL";
            }
        }

        if (payload.TryGetProperty("params"u8, out var parameters) && parameters.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            return "'params' must be an object";
        }

        return Params(payload) is { } map && map.TryGetProperty("_mounts"u8, out var mounts) &&
            !(mounts.ValueKind == JsonValueKind.Number && mounts.TryGetInt32(out var count) && count >= 0)
            ? "'params._mounts' must be a non-negative integer"
            : null;
    }

    private static JsonElement? Params(JsonElement payload) =>
        payload.TryGetProperty("params"u8, out var parameters) && parameters.ValueKind == JsonValueKind.Object ? parameters : null;

    private static string? String(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
