using System.Text.Json;

namespace Hyper.Live.Protocol;

/// <summary>The payload of a <c>phx_join</c> on a view topic (protocol §3.1).</summary>
/// <param name="Url">The page's URL.</param>
/// <param name="Redirect">For a live navigation, the URL navigated to.</param>
/// <param name="Session">The signed session token of the container.</param>
/// <param name="Static">The signed static token of the container.</param>
/// <param name="Flash">The signed flash of a live navigation.</param>
/// <param name="Mounts">How many times the client has joined this container before (<c>params._mounts</c>).</param>
/// <param name="TrackedStatics">
/// The URLs of the page's <c>phx-track-static</c> assets (<c>params._track_static</c>, at most
/// <see cref="MaxTrackedStatics"/>); null when the client sent none.
/// </param>
internal sealed record JoinRequest(Uri? Url, Uri? Redirect, string? Session, string? Static, string? Flash, int Mounts, IReadOnlyList<string>? TrackedStatics = null)
{
    /// <summary>How many tracked static URLs a join is read for; a page has a handful.</summary>
    public const int MaxTrackedStatics = 32;

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
        mounts.ValueKind == JsonValueKind.Number && mounts.TryGetInt32(out var count) ? count : 0,
        Tracked(payload));

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

    private static List<string>? Tracked(JsonElement payload)
    {
        if (Params(payload) is not { } parameters || !parameters.TryGetProperty("_track_static"u8, out var tracked) || tracked.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return tracked.EnumerateArray().Where(url => url.ValueKind == JsonValueKind.String).Take(MaxTrackedStatics).Select(url => url.GetString()!).ToList();
    }

    private static JsonElement? Params(JsonElement payload) =>
        payload.TryGetProperty("params"u8, out var parameters) && parameters.ValueKind == JsonValueKind.Object ? parameters : null;

    private static string? String(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
