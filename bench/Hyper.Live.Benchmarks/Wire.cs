using Hyper.Live.Diffing;
using Hyper.Live.Protocol;

namespace Hyper.Live.Benchmarks;

/// <summary>Encodes a render into a reply frame exactly as LiveSession.Render does (ChannelFrames).</summary>
internal static class Wire
{
    /// <summary>Realistic refs and topic: a 128-bit container id, as LiveTokens.NewContainerId makes.</summary>
    public const string JoinRef = "4";

    public const string Ref = "12";

    public const string Topic = "lv:phx-GAmW0Rk3mLWz1k7y2cR5gQ";

    /// <summary>
    /// Writes <paramref name="html"/> with the session's own encoder: under <c>"diff"</c> (an event
    /// reply) or <c>"rendered"</c> (the join reply), and closes the frame; the caller releases it.
    /// Must run inside the render scope.
    /// </summary>
    public static Frame Reply(Differ differ, Html html, string property = DiffKeys.Diff)
    {
        var frames = FrameWriter.Current;
        if (property == DiffKeys.Rendered)
        {
            frames.BeginJoinReply(JoinRef, Ref, Topic, livePatch: null);
        }
        else
        {
            frames.BeginEventReply(JoinRef, Ref, Topic);
        }

        differ.Write(frames.Diff, html);
        return frames.EndRender(isReply: true)!.Value;
    }
}
