using System.Text;
using System.Text.Json.Nodes;

namespace Hyper.Live.Testing.Connection;

/// <summary>Upload channels (<c>lvu:&lt;entry ref&gt;</c>) on the page's socket: their joins and binary chunks, each awaiting its reply.</summary>
internal sealed partial class LiveChannel
{
    private readonly Dictionary<string, TaskCompletionSource<JsonObject>> channelReplies = new(StringComparer.Ordinal);

    /// <summary>Sends a text frame (<paramref name="binary"/> null) or a binary push on <paramref name="channelTopic"/>; returns its reply.</summary>
    public async Task<JsonObject> CallChannel(string channelTopic, string channelJoinRef, string eventName, JsonObject? payload, byte[]? binary, CancellationToken cancellationToken)
    {
        var reply = await mailbox.Call(
            async () =>
            {
                var open = connection ?? throw new InvalidOperationException($"Cannot send {eventName} on {channelTopic}: the page is not connected.");
                var refValue = NextRef();
                var answer = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
                channelReplies[refValue] = answer;
                if (binary is null)
                {
                    await open.SendAsync(PhoenixConnection.Frame(channelJoinRef, refValue, channelTopic, eventName, payload ?? []), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await open.SendBinaryAsync(BinaryPush(channelJoinRef, refValue, channelTopic, eventName, binary), cancellationToken).ConfigureAwait(false);
                }

                return answer.Task;
            },
            cancellationToken).ConfigureAwait(false);
        try
        {
            return await reply.WaitAsync(client.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The server did not answer {eventName} on {channelTopic} within {client.Timeout.TotalSeconds:0.###} s.");
        }
    }

    /// <summary>Phoenix's binary push: kind 0, the four lengths, join ref, ref, topic, event, then the bytes.</summary>
    private static byte[] BinaryPush(string joinRef, string refValue, string channelTopic, string eventName, byte[] payload)
    {
        var parts = new[] { joinRef, refValue, channelTopic, eventName }.Select(Encoding.UTF8.GetBytes).ToArray();
        return [0, .. parts.Select(p => checked((byte)p.Length)), .. parts.SelectMany(p => p), .. payload];
    }
}
