using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hyper.Live.Testing;

/// <summary>An error the server answered (an error reply) or pushed (<c>phx_error</c> after a crash).</summary>
/// <param name="Event">What it answered: the event name of a click or form, <c>phx_join</c>, <c>live_patch</c>, or <c>phx_error</c>.</param>
/// <param name="Response">The reply's <c>response</c> object (or the push's payload).</param>
public sealed record LiveError(string Event, JsonObject Response)
{
    /// <summary>The human part: the response's <c>error</c> or <c>reason</c> (e.g. <c>stale</c>, <c>channel_crash</c>), else its JSON.</summary>
    public string Message =>
        Text(Response["error"]) ?? Text(Response["reason"]) ?? Response.ToJsonString();

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
