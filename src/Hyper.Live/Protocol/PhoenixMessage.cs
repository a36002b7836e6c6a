using System.Text.Json;

namespace Hyper.Live.Protocol;

/// <summary>One Phoenix V2 frame: <c>[join_ref, ref, topic, event, payload]</c> (protocol §2.2).</summary>
internal sealed record PhoenixMessage(string? JoinRef, string? Ref, string Topic, string Event, JsonElement Payload);
