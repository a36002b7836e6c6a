using System.Text.Json.Nodes;

namespace Hyper.Live.Testing;

/// <summary>An event a diff pushed to the browser window through its top-level <c>"e"</c> key (<c>push_event</c>).</summary>
/// <param name="Name">Event name; the client dispatches it as <c>phx:&lt;name&gt;</c>.</param>
/// <param name="Payload">The payload (the event's <c>detail</c>), or null when absent or JSON null.</param>
/// <param name="BeforePatch">True for <c>[name, payload, true]</c> items, dispatched before the DOM patch.</param>
public sealed record ClientPushEvent(string Name, JsonNode? Payload, bool BeforePatch)
{
    /// <summary>The payload as compact JSON (<c>null</c> when absent).</summary>
    public string PayloadJson => Payload?.ToJsonString() ?? "null";
}
