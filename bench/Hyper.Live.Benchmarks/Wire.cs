using Hyper.Live.Diffing;
using Hyper.Live.Protocol;

namespace Hyper.Live.Benchmarks;

/// <summary>Encodes a render into a reply frame exactly as LiveSession.SendRender does.</summary>
internal static class Wire
{
    /// <summary>Realistic refs and topic: a 128-bit container id, as LiveTokens.NewContainerId makes.</summary>
    public const string JoinRef = "4";

    public const string Ref = "12";

    public const string Topic = "lv:phx-GAmW0Rk3mLWz1k7y2cR5gQ";

    /// <summary>
    /// Writes <paramref name="html"/> under <c>"diff"</c> (an event reply) or <c>"rendered"</c> (the
    /// join reply) and closes the frame; the caller releases it. Must run inside the render scope.
    /// </summary>
    public static Frame Reply(Differ differ, Html html, string property = "diff")
    {
        var frames = FrameWriter.Current;
        frames.BeginReply(JoinRef, Ref, Topic, ok: true);
        if (property == "rendered")
        {
            frames.Json.WriteString("liveview_version"u8, PhoenixEvents.LiveViewVersion);
        }

        frames.Diff.Push(property);
        differ.Write(frames.Diff, html);
        frames.Diff.Pop();
        return frames.EndReply();
    }
}
