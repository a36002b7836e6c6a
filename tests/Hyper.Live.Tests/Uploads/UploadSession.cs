using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hyper.Live.Tests.Protocol;

namespace Hyper.Live.Tests.Uploads;

/// <summary>
/// A joined <see cref="UploadView"/> and the upload frames the Phoenix client sends for it: form events
/// with <c>uploads</c>, <c>allow_upload</c>, <c>lvu:</c> joins, binary chunks and <c>progress</c>.
/// </summary>
internal sealed partial class UploadSession : IAsyncDisposable
{
    private int nextRef;

    private UploadSession(PhoenixTestClient client, string joinRef, string uploadRef)
    {
        Client = client;
        JoinRef = joinRef;
        UploadRef = uploadRef;
    }

    public PhoenixTestClient Client { get; }

    public string JoinRef { get; }

    /// <summary>The connected view's upload ref (the file input's id).</summary>
    public string UploadRef { get; }

    /// <summary>The HTTP render of the page.</summary>
    public string Html => Client.Page.Html;

    /// <summary>Every frame received so far, as JSON text: what the page has been sent.</summary>
    public string Transcript => string.Join('\n', received.Select(f => f.ToJsonString()));

    private readonly List<JsonArray> received = [];

    /// <summary>The response of the last <c>allow_upload</c>.</summary>
    public JsonObject? LastPreflight { get; private set; }

    public static async Task<UploadSession> StartAsync(LiveTestServer server, string path = "/tests/uploads/upload-view")
    {
        var client = await PhoenixTestClient.ConnectAsync(server.BaseAddress, path);
        var joinRef = await client.JoinAsync();
        var joined = await client.ReplyToAsync(joinRef);
        return new UploadSession(client, joinRef, UploadRefPattern().Match(joined.ToJsonString()).Value);
    }

    /// <summary>An event on the view; a form event declares <paramref name="files"/> as the client does. Returns the reply.</summary>
    public async Task<JsonObject> EventAsync(string name, string type, params (string Ref, string Name, long Size, string Type)[] files) =>
        await EventAsync(name, type, null, null, files);

    public async Task<JsonObject> EventAsync(string name, string type, object? value, List<JsonArray>? others, params (string Ref, string Name, long Size, string Type)[] files)
    {
        var uploads = files.Length == 0 ? null : new Dictionary<string, object[]> { [UploadRef] = files.Select(f => Declare(f, withPath: true)).ToArray() };
        var sent = await Client.PushAsync(JoinRef, Client.Topic, "event", new { type, @event = name, value = value ?? (type == "form" ? "" : new { }), uploads });
        return await ReplyToAsync(sent, others);
    }

    /// <summary>Declares the files in a change event, then asks to upload them; returns the tokens granted by entry ref.</summary>
    public async Task<Dictionary<string, string>> PreflightAsync(params (string Ref, string Name, long Size, string Type)[] files)
    {
        await EventAsync("validate", "form", files);
        var sent = await Client.PushAsync(JoinRef, Client.Topic, "allow_upload", new { @ref = UploadRef, entries = files.Select(f => Declare(f, withPath: false)).ToArray() });
        var reply = await ReplyToAsync(sent);
        LastPreflight = reply["response"]!.AsObject();
        return LastPreflight["entries"]?.AsObject().Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => (string)p.Value!) ?? [];
    }

    /// <summary>Joins the upload channel of <paramref name="entryRef"/> with <paramref name="token"/>; returns the reply.</summary>
    public async Task<JsonObject> JoinEntryAsync(string entryRef, string token)
    {
        var sent = await Client.PushAsync("u" + entryRef, "lvu:" + entryRef, "phx_join", new { token });
        return await ReplyToAsync(sent);
    }

    /// <summary>Sends <paramref name="bytes"/> as a binary <c>chunk</c> push on <c>lvu:&lt;entryRef&gt;</c>; returns the reply.</summary>
    public async Task<JsonObject> ChunkAsync(string entryRef, byte[] bytes, List<JsonArray>? others = null)
    {
        var refValue = "c" + nextRef++;
        await Client.Socket.SendAsync(BinaryPush("u" + entryRef, refValue, "lvu:" + entryRef, "chunk", bytes), WebSocketMessageType.Binary, true, CancellationToken.None);
        return await ReplyToAsync(refValue, others);
    }

    /// <summary>Reports <paramref name="percent"/> for an entry, as the client does after each acknowledged chunk.</summary>
    public async Task<JsonObject> ProgressAsync(string entryRef, object percent)
    {
        var sent = await Client.PushAsync(JoinRef, Client.Topic, "progress", new { @event = (string?)null, @ref = UploadRef, entry_ref = entryRef, progress = percent });
        return await ReplyToAsync(sent);
    }

    /// <summary>Frames (those in <paramref name="seen"/> first) until one matches.</summary>
    public async Task<JsonArray> ReceiveUntilAsync(Func<JsonArray, bool> match, List<JsonArray> seen)
    {
        if (seen.Find(f => match(f)) is { } earlier)
        {
            return earlier;
        }

        while (true)
        {
            var frame = await Client.ReceiveAsync();
            received.Add(frame);
            if (match(frame))
            {
                return frame;
            }
        }
    }

    /// <summary>Frames until the reply to <paramref name="refValue"/> (the others into <paramref name="others"/>); returns its payload.</summary>
    private async Task<JsonObject> ReplyToAsync(string refValue, List<JsonArray>? others = null)
    {
        var before = new List<JsonArray>();
        var reply = await Client.ReplyToAsync(refValue, before);
        received.AddRange(before);
        others?.AddRange(before);
        received.Add(new JsonArray(null, refValue, null, "phx_reply", reply.DeepClone()));
        return reply;
    }

    /// <summary>A client binary push (kind 0, four lengths, join ref, ref, topic, event, payload).</summary>
    public static byte[] BinaryPush(string joinRef, string refValue, string topic, string eventName, byte[] payload)
    {
        var parts = new[] { joinRef, refValue, topic, eventName }.Select(Encoding.UTF8.GetBytes).ToArray();
        return [0, .. parts.Select(p => (byte)p.Length), .. parts.SelectMany(p => p), .. payload];
    }

    public ValueTask DisposeAsync() => Client.DisposeAsync();

    private static Dictionary<string, object> Declare((string Ref, string Name, long Size, string Type) file, bool withPath)
    {
        var entry = new Dictionary<string, object>
        {
            ["ref"] = file.Ref,
            ["name"] = file.Name,
            ["size"] = file.Size,
            ["type"] = file.Type,
            ["last_modified"] = 1_700_000_000_000,
            ["relative_path"] = "",
        };
        if (withPath)
        {
            entry["path"] = "doc";
        }

        return entry;
    }

    [GeneratedRegex("phx-[0-9a-f]{16}")]
    private static partial Regex UploadRefPattern();
}
