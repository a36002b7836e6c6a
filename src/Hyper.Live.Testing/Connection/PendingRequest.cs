using System.Text.Json.Nodes;
using AngleSharp.Dom;

namespace Hyper.Live.Testing.Connection;

/// <summary>A frame sent to the server that awaits its <c>phx_reply</c>, and what to do with the reply.</summary>
internal sealed class PendingRequest
{
    public PendingRequest(PendingKind kind, string description, PhoenixConnection connection, string? joinRef)
    {
        Kind = kind;
        Description = description;
        Connection = connection;
        JoinRef = joinRef;
    }

    public PendingKind Kind { get; }

    /// <summary>For messages and errors: <c>click "increment"</c>, <c>join /counter</c>.</summary>
    public string Description { get; }

    /// <summary>The event name reported in a <see cref="LiveError"/>.</summary>
    public string? EventName { get; init; }

    public PhoenixConnection Connection { get; }

    public string? JoinRef { get; }

    /// <summary>For a join caused by live navigation: the URL it navigates to.</summary>
    public Uri? NavigateTo { get; init; }

    /// <summary>For a <c>live_patch</c>: the URL patched to.</summary>
    public Uri? PatchUrl { get; init; }

    /// <summary>For a rejoin: the DOM before it, whose forms are recovered (protocol §9.3).</summary>
    public IDocument? RecoverFrom { get; init; }

    /// <summary>Whether the page started it on its own (navigation, rejoin, recovery): its reply ends one of the page's operations.</summary>
    public bool Tracked { get; init; }

    /// <summary>For the component destroy handshake: the cids it is about.</summary>
    public IReadOnlyList<int>? Components { get; init; }

    /// <summary>The hook reply (<c>"r"</c>) of the reply's diff.</summary>
    public JsonNode? HookReply { get; set; }

    public TaskCompletionSource<JsonObject> Reply { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
