using System.Text.Json;

namespace Hyper.Live.Protocol;

/// <summary>The payload of a <c>phx_join</c> on a view topic (protocol §3.1).</summary>
internal sealed record JoinRequest(Uri? Url, Uri? Redirect, string? Session, string? Static, string? Flash, int Mounts)
{
    public static JoinRequest Read(JsonElement payload) => new(
        AbsoluteUri(payload, "url"),
        AbsoluteUri(payload, "redirect"),
        String(payload, "session"),
        String(payload, "static"),
        String(payload, "flash"),
        payload.TryGetProperty("params"u8, out var parameters) && parameters.ValueKind == JsonValueKind.Object &&
        parameters.TryGetProperty("_mounts"u8, out var mounts) && mounts.TryGetInt32(out var count) ? count : 0);

    private static string? String(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Uri? AbsoluteUri(JsonElement payload, string name)
    {
        // The client may send a #fragment; it is not part of the route.
        var text = String(payload, name);
        return text is not null && Uri.TryCreate(text.Split('#')[0], UriKind.Absolute, out var uri) ? uri : null;
    }
}
