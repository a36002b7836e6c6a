using System.Diagnostics;
using Hyper.Live.Protocol;
using Hyper.Live.State;
using Hyper.Live.Templates;
using Hyper.Live.Views;

namespace Hyper.Live.Sessions;

/// <summary>
/// Rendering: the view renders, the differ writes what the client does not have yet into a
/// join reply, an event reply or a diff push, with the title, push events and hook reply the
/// callback asked for. A push to a client that is behind waits and coalesces.
/// </summary>
internal sealed partial class LiveSession
{
    /// <summary>Sends the view's render now, from inside a callback: a <c>diff</c> push, or nothing when unchanged.</summary>
    Task ILiveViewHost.RenderNowAsync()
    {
        // Before the join reply the client has no tree to apply a diff to; the reply carries the render.
        if (differ.HasRendered)
        {
            Render(refValue: null, join: null);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Renders and sends: the full tree in the join reply (<paramref name="join"/> carries its
    /// patch, if any), the diff in the reply to <paramref name="refValue"/>, or a <c>diff</c> push
    /// when there is no request — omitted entirely when nothing changed. An event reply carries
    /// <paramref name="error"/> when the event was refused.
    /// </summary>
    private void Render(string? refValue, Navigation? join, string? error = null, bool mayWait = true)
    {
        if (IsDetached)
        {
            // Nobody to send to: the rejoin renders the whole state. What the callback pushed is dropped with it.
            view!.PendingEffects?.Events?.Clear();
            return;
        }

        // A push to a client that is behind waits, so that it gets one diff of the latest state
        // instead of every intermediate one (a burst of broadcasts coalesces); replies never wait,
        // nor does the last render before the channel closes.
        if (refValue is null && mayWait && (renderDeferred || (renderDeferred = socket.Sink.TryDefer(this))))
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        using (RenderArena.Enter())
        {
            // What the render reads of shared values (holes are read as the template is built and written) makes this session their reader.
            SharedReads.Begin(this);
            try
            {
                WriteRender(refValue, join, error, started);
            }
            finally
            {
                KeepReading(SharedReads.End());
            }
        }
    }

    private void WriteRender(string? refValue, Navigation? join, string? error, long started)
    {
        var frames = FrameWriter.Current;
        var html = view!.Render();
        events.Resolve(view, html);
        if (refValue is null)
        {
            frames.BeginDiffPush(joinRef, Topic);
        }
        else if (join is null)
        {
            frames.BeginEventReply(joinRef, refValue, Topic, error);
        }
        else
        {
            frames.BeginJoinReply(joinRef, refValue, Topic, join.To.Length > 0 ? Target(join, withFlash: false) : null);
        }

        components?.BeginRender();
        differ.Write(frames.Diff, html, components);
        var effects = view.PendingEffects;
        if (effects?.TitleChanged == true || (join is not null && view.Title is not null))
        {
            frames.WriteTitle(view.Title ?? "");
        }

        if (effects is not null)
        {
            effects.TitleChanged = false;
            if (effects.Events is { Count: > 0 } pushed)
            {
                frames.WriteEvents(pushed);
                pushed.Clear();
            }

            if (refValue is not null && join is null && effects.HasReply)
            {
                frames.WriteHookReply(effects.Reply);
            }
        }

        var frame = frames.EndRender(isReply: refValue is not null, join is null ? pendingPreflight : null);
        pendingPreflight = null;
        host.Metrics.Rendered(started);
        if (frame is { } toSend)
        {
            if (refValue is null)
            {
                host.Metrics.DiffPushed();
            }

            Send(toSend);
        }

        DeliverLaterParentMessages();
    }
}
