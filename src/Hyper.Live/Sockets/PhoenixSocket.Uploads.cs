using System.Buffers;
using System.Collections.Concurrent;
using Hyper.Live.Protocol;
using Hyper.Live.Sessions;
using Hyper.Live.Uploads;

namespace Hyper.Live.Sockets;

/// <summary>
/// Upload channels (<c>lvu:&lt;entry ref&gt;</c>): a join goes to the session its token names (which checks
/// the token's signature); once joined, the channel's binary chunks and leave go to that session.
/// </summary>
internal sealed partial class PhoenixSocket
{
    // Written by sessions as channels open and close, read by the receive loop.
    private readonly ConcurrentDictionary<string, LiveSession> uploads = new(StringComparer.Ordinal);

    public void RouteUpload(string topic, LiveSession session) => uploads[topic] = session;

    public void UnrouteUpload(string topic, LiveSession session) => uploads.TryRemove(new(topic, session));

    /// <summary>A text frame of an upload channel.</summary>
    private void ReceiveUpload(PhoenixMessage message, int size)
    {
        if (message.Event == PhoenixEvents.Join)
        {
            var token = message.Payload.TryGetProperty("token"u8, out var t) && t.ValueKind == System.Text.Json.JsonValueKind.String ? t.GetString()! : "";
            if (UploadTokens.SessionTopic(token) is { } topic && sessions.TryGet(topic, out var owner) && Post(owner, message, size))
            {
                return;
            }

            Malformed($"join of {message.Topic} with an invalid upload token");
            Sink.TrySend(FrameWriter.Current.JoinRefusal(message.JoinRef, message.Ref, message.Topic, "invalid_token"));
        }
        else if (uploads.TryGetValue(message.Topic, out var session) && Post(session, message, size))
        {
            return;
        }
        else if (message.Event == PhoenixEvents.Leave)
        {
            Sink.TrySend(FrameWriter.Current.Reply(message.JoinRef, message.Ref, message.Topic, ok: true));
        }
        else
        {
            Reply(message.JoinRef, message.Ref, message.Topic, "unmatched topic");
        }
    }

    /// <summary>
    /// Handles one binary frame: an upload chunk (protocol §2.3). Returns false when it is unreadable or
    /// the client <see cref="IsAbusive"/>: the transport then closes the connection.
    /// </summary>
    public bool ReceiveBinary(ReadOnlySpan<byte> frame)
    {
        if (IsAbusive)
        {
            return false;
        }

        var parsed = FrameParser.ParseBinary(frame);
        if (parsed.Error is { } error)
        {
            Malformed(error);
            if (parsed.Topic is null)
            {
                return false;
            }

            Reply(parsed.JoinRef, parsed.Ref, parsed.Topic, "malformed frame: " + error);
            return true;
        }

        if (parsed.Event != PhoenixEvents.Chunk || !uploads.TryGetValue(parsed.Topic!, out var session))
        {
            Malformed($"binary '{parsed.Event}' for {parsed.Topic}, which is no open upload channel");
            Reply(parsed.JoinRef, parsed.Ref, parsed.Topic!, "unmatched topic");
            return true;
        }

        var payload = frame[parsed.PayloadOffset..];
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(payload.Length, 1));
        payload.CopyTo(buffer);
        inbound.Take(frame.Length);
        if (!session.Post(new SessionMessage.Chunk(parsed.JoinRef, parsed.Ref, parsed.Topic!, buffer, payload.Length, frame.Length)))
        {
            inbound.Return(frame.Length);
            ArrayPool<byte>.Shared.Return(buffer);
            Reply(parsed.JoinRef, parsed.Ref, parsed.Topic!, "unmatched topic");
        }

        return true;
    }
}
