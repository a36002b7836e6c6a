using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Hyper.Live.Configuration;
using Hyper.Live.Diffing;
using Hyper.Live.Events;
using Hyper.Live.Protocol;
using Hyper.Live.Routing;
using Hyper.Live.Sockets;
using Hyper.Live.Views;
using Hyper.Live.Diagnostics;
using Hyper.Live.Templates;

namespace Hyper.Live.Sessions;

/// <summary>
/// One joined live view (channel topic <c>lv:&lt;id&gt;</c>): its view instance, what the
/// client has of its render, and a mailbox. Joins, events, infos, timers and background
/// completions are handled strictly one at a time, in order; after each, the session carries
/// out the navigation the view asked for, or renders and sends only the diff. A handler that
/// throws ends this session alone (<c>phx_error</c> makes the client rejoin with a fresh
/// mount); the socket and every other session carry on. Ending the session cancels its
/// timers, subscriptions and background work.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification =
    "The token source has no timer to release; it is only cancelled, so Stop may run at any time, even after the session ended.")]
internal sealed partial class LiveSession : IThreadPoolWorkItem
{
    private const int MaxPatchesPerCallback = 8;

    // Messages not handled yet, oldest first; also the lock for the four fields after it.
    // While the mailbox is empty nothing runs: a drain is queued to the thread pool when a
    // message arrives and ends when none is left, so an idle session holds no task, no
    // channel and no waiting reader (about 1.3 KB each, measured with the load harness).
    private readonly Queue<SessionMessage> mailbox = new();
    private bool started;
    private bool draining;
    private bool stopped;
    private bool finished;
    private TaskCompletionSource? completion;

    private readonly CancellationTokenSource lifetime = new();
    private readonly Differ differ = new();
    private readonly PhoenixSocket socket;
    private readonly LiveHost host;
    private readonly ILogger logger;
    private readonly EventDispatcher events;

    // Created on first use: most views never subscribe nor schedule anything.
    private Dictionary<string, IDisposable>? subscriptions;
    private ConcurrentDictionary<LiveTimer, byte>? timers;
    private string? joinRef;
    private LiveView? view;
    private AsyncServiceScope? scope;

    // The context of the socket's request, which the view runs in (as it did in a loop started from there).
    private ExecutionContext? context;

    public LiveSession(PhoenixSocket socket, string topic, LiveHost host)
    {
        this.socket = socket;
        Topic = topic;
        this.host = host;
        logger = host.Loggers.CreateLogger<LiveSession>();
        events = new EventDispatcher(logger);
        PubSub = socket.Context.Services.GetRequiredService<IPubSub>();
    }

    public string Topic { get; }

    public IPubSub PubSub { get; }

    /// <summary>Completes when the session has stopped and its view has been unmounted.</summary>
    public Task Completion
    {
        get
        {
            lock (mailbox)
            {
                return finished ? Task.CompletedTask
                    : (completion ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }
        }
    }

    private string ViewName => view?.GetType().Name ?? "(not mounted)";

    /// <summary>Starts handling messages, in the execution context of the caller (the socket's request).</summary>
    public void Start()
    {
        context = ExecutionContext.Capture();
        bool drain;
        lock (mailbox)
        {
            started = true;
            drain = mailbox.Count > 0 && !draining;
            draining |= drain;
        }

        if (drain)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    /// <summary>Queues a message; false once the session has stopped.</summary>
    public bool Post(SessionMessage message)
    {
        lock (mailbox)
        {
            if (stopped)
            {
                return false;
            }

            mailbox.Enqueue(message);
            if (draining || !started)
            {
                return true;
            }

            draining = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        return true;
    }

    void IThreadPoolWorkItem.Execute()
    {
        if (context is null)
        {
            _ = DrainAsync();
        }
        else
        {
            ExecutionContext.Run(context, static session => _ = ((LiveSession)session!).DrainAsync(), this);
        }
    }

    public void PostInfo(object message) => Post(new SessionMessage.Info(message));

    /// <summary>
    /// Ends the session after the message being handled. With <paramref name="close"/>,
    /// tells the client the channel is closed (a duplicate join replaced it).
    /// </summary>
    public void Stop(bool close)
    {
        if (close && joinRef is not null)
        {
            Send(FrameWriter.Current.Push(joinRef, joinRef, Topic, PhoenixEvents.Close));
        }

        StopAccepting();
    }

    public void Subscribe(string topic)
    {
        subscriptions ??= new(StringComparer.Ordinal);
        if (!subscriptions.ContainsKey(topic))
        {
            subscriptions[topic] = PubSub.Subscribe(topic, (_, message) => PostInfo(message));
        }
    }

    public void Unsubscribe(string topic)
    {
        if (subscriptions is not null && subscriptions.Remove(topic, out var subscription))
        {
            subscription.Dispose();
        }
    }

    public LiveTimer Schedule(object message, TimeSpan due, TimeSpan? period)
    {
        var timers = LazyInitializer.EnsureInitialized(ref this.timers);
        var timer = new LiveTimer(cancelled => timers.TryRemove(cancelled, out _));
        timers[timer] = 0;
        timer.Start(TimeProvider.System.CreateTimer(
            _ =>
            {
                if (period is null)
                {
                    timers.TryRemove(timer, out byte _);
                }

                if (!timer.IsCancelled)
                {
                    PostInfo(message);
                }
            },
            null,
            due,
            period ?? Timeout.InfiniteTimeSpan));
        if (lifetime.IsCancellationRequested)
        {
            timer.Cancel();
        }

        return timer;
    }

    public void StartAsync<T>(Func<CancellationToken, Task<T>> work, Action<T> completed, Action<Exception>? failed)
    {
        var token = lifetime.Token;
        _ = Task.Run(
            async () =>
            {
                try
                {
                    var result = await work(token).ConfigureAwait(false);
                    Post(new SessionMessage.Callback(() => completed(result)));
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    // The view went away: nobody is left to tell.
                }
                catch (Exception error)
                {
                    // Unhandled failures of background work end the view like a throwing handler.
                    Post(new SessionMessage.Callback(() => (failed ?? (e => throw new AsyncWorkException(e)))(error)));
                }
            },
            CancellationToken.None);
    }

    /// <summary>Sends the view's render now, from inside a callback: a <c>diff</c> push, or nothing when unchanged.</summary>
    public Task PushRenderAsync()
    {
        // Before the join reply the client has no tree to apply a diff to; the reply carries the render.
        if (differ.HasRendered)
        {
            Render(refValue: null, join: null);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Handles queued messages one at a time until none is left; once the session has stopped,
    /// drops the rest and unmounts the view. Only one drain runs at a time.
    /// </summary>
    private async Task DrainAsync()
    {
        while (true)
        {
            SessionMessage? message;
            lock (mailbox)
            {
                if (stopped || lifetime.IsCancellationRequested)
                {
                    mailbox.Clear();
                    message = null;
                }
                else if (!mailbox.TryDequeue(out message))
                {
                    draining = false;
                    return;
                }
            }

            if (message is null)
            {
                try
                {
                    await UnmountAsync().ConfigureAwait(false);
                }
                finally
                {
                    // Even if unmounting failed: whoever waits for this session must not wait forever.
                    TaskCompletionSource? done;
                    lock (mailbox)
                    {
                        // `draining` stays set: nothing is handled after this.
                        finished = true;
                        done = completion;
                    }

                    done?.TrySetResult();
                }

                return;
            }

            try
            {
                view?.Flash.BeginCallback();
                if (!await HandleAsync(message).ConfigureAwait(false))
                {
                    End();
                }
            }
            catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
            {
                // Stopped while handling: the next turn unmounts.
            }
            catch (Exception error)
            {
                try
                {
                    Crash(message, error);
                }
                finally
                {
                    // Crash ends the session; should it fail half-way, the next turn must still unmount.
                    End();
                }
            }
        }
    }

    /// <summary>Refuses further messages and makes sure a drain runs to unmount the view.</summary>
    private void StopAccepting()
    {
        bool drain;
        lock (mailbox)
        {
            stopped = true;
            drain = !draining;
            draining = true;
        }

        lifetime.Cancel();
        if (drain)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    /// <summary>Handles one message; false when the session must end (a refused join, a leave, a redirect).</summary>
    private async Task<bool> HandleAsync(SessionMessage message)
    {
        switch (message)
        {
            case SessionMessage.FromClient { Message: var frame }:
                return await HandleClientAsync(frame).ConfigureAwait(false);
            case SessionMessage.Info info when view is not null:
                await RecoverAsync(() => view.HandleInfoAsync(info.Message, lifetime.Token)).ConfigureAwait(false);
                return await FinishAsync(refValue: null).ConfigureAwait(false);
            case SessionMessage.Callback callback when view is not null:
                await RecoverAsync(() =>
                {
                    callback.Run();
                    return Task.CompletedTask;
                }).ConfigureAwait(false);
                return await FinishAsync(refValue: null).ConfigureAwait(false);
            default:
                return true;
        }
    }

    private async Task<bool> HandleClientAsync(PhoenixMessage message)
    {
        switch (message.Event)
        {
            case PhoenixEvents.Join:
                return await JoinAsync(message).ConfigureAwait(false);
            case PhoenixEvents.Leave:
                Send(FrameWriter.Current.Reply(message.JoinRef, message.Ref, Topic, ok: true));
                return false;
            case PhoenixEvents.Event:
                return await HandleEventAsync(message).ConfigureAwait(false);
            case PhoenixEvents.LivePatch:
                return await HandleLivePatchAsync(message).ConfigureAwait(false);
            default:
                LogUnsupportedEvent(logger, message.Event, ViewName);
                ReplyError(message, $"unsupported event '{message.Event}'");
                return true;
        }
    }

    private async Task<bool> JoinAsync(PhoenixMessage message)
    {
        joinRef = message.JoinRef ?? message.Ref;
        var join = JoinRequest.Read(message.Payload);
        var refusal = Authorize(join, out var route, out var viewType, out var uri);
        if (refusal is not null)
        {
            LogJoinRefused(logger, Topic, refusal.Value.Reason, refusal.Value.Detail);
            Send(FrameWriter.Current.Reply(joinRef, message.Ref, Topic, ok: false, refusal.Value.Reason));
            return false;
        }

        try
        {
            scope = socket.Context.Services.CreateAsyncScope();
            view = (LiveView)ActivatorUtilities.CreateInstance(scope.Value.ServiceProvider, viewType!);
            host.Metrics.SessionStarted(); // paired with SessionEnded when the view is unmounted
            view.IsConnected = true;
            view.User = socket.Context.User;
            view.Uri = uri;
            view.Session = this;
            view.Flash.Replace(join.Flash is not null ? host.Tokens.ReadFlash(join.Flash)
                : join.Mounts == 0 && join.Redirect is null ? host.Tokens.ReadStatic(join.Static)?.Flash : null);
            view.Flash.BeginCallback();
            var parameters = new LiveParams(uri ?? new Uri("http://localhost/"), route?.Values ?? []);
            await view.MountAsync(parameters, lifetime.Token).ConfigureAwait(false);
            await view.HandleParamsAsync(parameters, lifetime.Token).ConfigureAwait(false);
            await view.OnMountAsync(lifetime.Token).ConfigureAwait(false);
            host.Options.OnSessionStart?.Invoke(view);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogMountFailed(logger, error, viewType!.Name, Topic);
            Send(FrameWriter.Current.Reply(joinRef, message.Ref, Topic, ok: false, "join crashed"));
            return false;
        }

        LiveDiagnostics.Write(LiveDiagnostics.ViewMounted, Topic, view);
        differ.Reset();
        return await FinishAsync(message.Ref, join: true).ConfigureAwait(false);
    }

    private (string Reason, string Detail)? Authorize(JoinRequest join, out (LiveRoute Route, Dictionary<string, string> Values)? route, out Type? viewType, out Uri? uri)
    {
        route = null;
        viewType = null;
        uri = join.Redirect ?? join.Url;
        if (!socket.Context.CsrfValid)
        {
            return ("stale", "the socket's CSRF token did not match its cookie");
        }

        var token = host.Tokens.ReadSession(join.Session);
        if (token is null || Topic != PhoenixEvents.ViewTopicPrefix + token.Id)
        {
            return ("stale", token is null ? "invalid or expired session token" : "the session token belongs to another container");
        }

        if (join.Static is not null && host.Tokens.ReadStatic(join.Static)?.Id != token.Id)
        {
            return ("stale", "invalid static token");
        }

        viewType = host.Routes.ViewByName(token.View);
        if (viewType is null)
        {
            return ("stale", $"the view '{token.View}' is not routed");
        }

        if (uri is null)
        {
            return null;
        }

        route = host.Routes.Match(uri);
        if (route is null)
        {
            return ("unauthorized", $"no live route serves {uri.AbsolutePath}");
        }

        if (join.Redirect is not null)
        {
            viewType = route.Value.Route.ViewType;
        }
        else if (route.Value.Route.ViewType != viewType)
        {
            return ("unauthorized", $"{uri.AbsolutePath} is no longer served by {viewType.Name}");
        }

        return null;
    }

    private async Task<bool> HandleEventAsync(PhoenixMessage message)
    {
        Exception? refused = null;
        await RecoverAsync(async () => refused = await events.DispatchAsync(view!, message.Payload, lifetime.Token).ConfigureAwait(false)).ConfigureAwait(false);
        if (refused is not null)
        {
            NotifyError(refused);
            ReplyError(message, refused.Message, ok: true);
            return true;
        }

        host.Metrics.EventHandled();
        return await FinishAsync(message.Ref).ConfigureAwait(false);
    }

    /// <summary>The <c>live_patch</c> event (a patch link, back/forward): <c>HandleParams</c> for the same view.</summary>
    private async Task<bool> HandleLivePatchAsync(PhoenixMessage message)
    {
        var target = message.Payload.TryGetProperty("url"u8, out var url) && url.ValueKind == JsonValueKind.String &&
            Uri.TryCreate(url.GetString(), UriKind.Absolute, out var parsed) ? parsed : null;
        if (PatchRouteValues(target) is not { } values)
        {
            // Another view: the client navigates there with a fresh join (protocol §5.7).
            var frames = FrameWriter.Current;
            frames.BeginReply(joinRef, message.Ref, Topic, ok: true);
            frames.Json.WriteBoolean("link_redirect"u8, true);
            Send(frames.EndReply());
            return true;
        }

        await RecoverAsync(() => PatchAsync(target!, values)).ConfigureAwait(false);
        return await FinishAsync(message.Ref).ConfigureAwait(false);
    }

    /// <summary>The route values of <paramref name="target"/> when this same view serves it (a patch), else null.</summary>
    private Dictionary<string, string>? PatchRouteValues(Uri? target) =>
        target is not null && host.Routes.Match(target) is { } route && route.Route.ViewType == view!.GetType() ? route.Values : null;

    /// <summary>Moves the view to <paramref name="target"/> without remounting: <c>HandleParams</c> runs.</summary>
    private Task PatchAsync(Uri target, Dictionary<string, string> values)
    {
        view!.Uri = target;
        return view.HandleParamsAsync(new LiveParams(target, values), lifetime.Token);
    }

    /// <summary>Runs view code; a <see cref="RecoverableError"/> becomes an error flash instead of a crash.</summary>
    private async Task RecoverAsync(Func<Task> callback)
    {
        try
        {
            await callback().ConfigureAwait(false);
        }
        catch (RecoverableError error)
        {
            view!.Flash.Error(error.Message);
            NotifyError(error);
        }
    }

    /// <summary>
    /// After a callback: carries out the navigation the view asked for, or renders. Patches run
    /// <c>HandleParams</c> here and are announced before the render (Phoenix's order); a navigation
    /// away ends the session. Returns false when the session must end.
    /// </summary>
    private async Task<bool> FinishAsync(string? refValue, bool join = false)
    {
        Navigation? patch = null;
        for (var patches = 0; view!.PendingNavigation is { Kind: NavigationKind.Patch } next; patches++)
        {
            view.PendingNavigation = null;
            var target = new Uri(view.Uri ?? new Uri("http://localhost/"), next.To);
            if (PatchRouteValues(target) is not { } values || patches == MaxPatchesPerCallback)
            {
                view.PendingNavigation = next with { Kind = NavigationKind.Navigate };
                break;
            }

            await PatchAsync(target, values).ConfigureAwait(false);
            patch = next;
            if (!join)
            {
                var frames = FrameWriter.Current;
                frames.Begin(joinRef, null, Topic, PhoenixEvents.LivePatch);
                WriteNavigation(frames.Json, next, withFlash: false);
                Send(frames.End());
            }
        }

        if (view.PendingNavigation is { } away)
        {
            view.PendingNavigation = null;
            NavigateAway(refValue, away, join);
            return false;
        }

        Render(refValue, join ? patch ?? NoPatch : null);

        // A reply answers one event; one set outside an event (an info, a timer) has no one to go to.
        view.PendingReply = null;
        view.HasPendingReply = false;
        return true;
    }

    private static readonly Navigation NoPatch = new(NavigationKind.Patch, "", false);

    /// <summary>
    /// Answers with a <c>redirect</c> or <c>live_redirect</c>: in the join's error reply, in the
    /// event's reply (pending push events first, in a diff), or as a push; then closes the channel.
    /// </summary>
    private void NavigateAway(string? refValue, Navigation navigation, bool join)
    {
        var frames = FrameWriter.Current;
        var name = navigation.Kind == NavigationKind.Redirect ? "redirect"u8 : "live_redirect"u8;
        if (!join && view!.PendingEvents is { Count: > 0 })
        {
            Render(refValue: null, join: null);
        }

        if (refValue is not null)
        {
            frames.BeginReply(joinRef, refValue, Topic, ok: !join);
            frames.Json.WritePropertyName(name);
            WriteNavigation(frames.Json, navigation, withFlash: true);
            Send(frames.EndReply());
        }
        else
        {
            frames.Begin(joinRef, null, Topic, navigation.Kind == NavigationKind.Redirect ? "redirect" : "live_redirect");
            WriteNavigation(frames.Json, navigation, withFlash: true);
            Send(frames.End());
        }

        Send(frames.Push(joinRef, joinRef, Topic, PhoenixEvents.Close));
    }

    private void WriteNavigation(Utf8JsonWriter json, Navigation navigation, bool withFlash)
    {
        json.WriteStartObject();
        json.WriteString("to"u8, navigation.To);
        if (navigation.Kind != NavigationKind.Redirect)
        {
            json.WriteString("kind"u8, navigation.Replace ? "replace"u8 : "push"u8);
        }

        if (withFlash && view!.Flash.ForNavigation() is { Count: > 0 } flash)
        {
            json.WriteString("flash"u8, host.Tokens.SignFlash(flash));
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// Renders and sends: the full tree in the join reply (<paramref name="join"/> carries its
    /// patch, if any), the diff in the reply to <paramref name="refValue"/>, or a <c>diff</c> push
    /// when there is no request — omitted entirely when nothing changed.
    /// </summary>
    private void Render(string? refValue, Navigation? join)
    {
        var frames = FrameWriter.Current;
        var started = Stopwatch.GetTimestamp();
        using (RenderArena.Enter())
        {
            var html = view!.Render();
            events.Resolve(view, html);
            if (refValue is null)
            {
                frames.Begin(joinRef, null, Topic, PhoenixEvents.Diff);
                frames.Diff.PushOptionalRoot();
            }
            else
            {
                frames.BeginReply(joinRef, refValue, Topic, ok: true);
                if (join is not null)
                {
                    frames.Json.WriteString("liveview_version"u8, PhoenixEvents.LiveViewVersion);
                    if (join.To.Length > 0)
                    {
                        frames.Json.WritePropertyName("live_patch"u8);
                        WriteNavigation(frames.Json, join, withFlash: false);
                    }
                }

                frames.Diff.Push(join is null ? "diff" : "rendered");
            }

            differ.Write(frames.Diff, html);
            WriteTitleAndEvents(frames, join is not null);
            if (refValue is not null && join is null && view.HasPendingReply)
            {
                frames.Diff.Flush();
                frames.Json.WritePropertyName("r"u8);
                JsonSerializer.Serialize(frames.Json, view.PendingReply);
            }

            var changed = frames.Diff.IsWritten;
            frames.Diff.Pop();
            host.Metrics.Rendered(started);
            if (refValue is not null)
            {
                Send(frames.EndReply());
            }
            else if (changed)
            {
                Send(frames.End());
            }
        }
    }

    private void WriteTitleAndEvents(FrameWriter frames, bool join)
    {
        if (view!.TitleChanged || (join && view.Title is not null))
        {
            frames.Diff.Flush();
            frames.Json.WriteString("t"u8, view.Title ?? "");
        }

        view.TitleChanged = false;
        if (view.PendingEvents is { Count: > 0 } events)
        {
            frames.Diff.Flush();
            frames.Json.WritePropertyName("e"u8);
            frames.Json.WriteStartArray();
            foreach (var (name, payload) in events)
            {
                frames.Json.WriteStartArray();
                frames.Json.WriteStringValue(name);
                JsonSerializer.Serialize(frames.Json, payload);
                frames.Json.WriteEndArray();
            }

            frames.Json.WriteEndArray();
            events.Clear();
        }
    }

    /// <summary>
    /// Replies <c>{"error": …}</c>. With <paramref name="ok"/> the status is "ok": the client
    /// unlocks the element (and form) that sent an event only on an "ok" reply, so an event the
    /// session refuses and carries on after must not leave it locked; "error" suits what ends
    /// the channel anyway (its rejoin resets every lock).
    /// </summary>
    private void ReplyError(PhoenixMessage message, string error, bool ok = false)
    {
        var frames = FrameWriter.Current;
        frames.BeginReply(joinRef ?? message.JoinRef, message.Ref, Topic, ok);
        frames.Json.WriteString("error"u8, error);
        Send(frames.EndReply());
    }

    private void NotifyError(Exception error)
    {
        try
        {
            view?.OnError(error);
        }
        catch (Exception failure)
        {
            LogOnErrorFailed(logger, failure, ViewName);
        }
    }

    private void Crash(SessionMessage message, Exception error)
    {
        var eventName = message is SessionMessage.FromClient { Message: var frame }
            ? frame.Payload.TryGetProperty("event"u8, out var name) ? name.ToString() : frame.Event
            : message.GetType().Name;
        LogCrashed(logger, error, ViewName, eventName, Topic);
        NotifyError(error);
        if (message is SessionMessage.FromClient { Message: var request } && request.Event != PhoenixEvents.Join)
        {
            ReplyError(request, "internal server error");
        }

        Send(FrameWriter.Current.Push(joinRef, joinRef, Topic, PhoenixEvents.Error, "channel_crash"));
        End();
    }

    private void End()
    {
        socket.Remove(this);
        StopAccepting();
    }

    private async Task UnmountAsync()
    {
        lifetime.Cancel();
        foreach (var timer in timers?.Keys ?? [])
        {
            timer.Cancel();
        }

        if (subscriptions is not null)
        {
            foreach (var subscription in subscriptions.Values)
            {
                subscription.Dispose();
            }

            subscriptions.Clear();
        }
        var mounted = view;
        view = null;
        try
        {
            if (mounted is not null)
            {
                host.Metrics.SessionEnded();
                LiveDiagnostics.Write(LiveDiagnostics.ViewUnmounted, Topic, mounted);
                await mounted.OnUnmountAsync().ConfigureAwait(false);
                host.Options.OnSessionEnd?.Invoke(mounted);
            }
        }
        catch (Exception error)
        {
            LogUnmountFailed(logger, error, mounted!.GetType().Name);
        }
        finally
        {
            if (mounted is not null)
            {
                mounted.Session = null;
            }

            if (scope is not null)
            {
                await scope.Value.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private void Send(Frame frame) => socket.Sink.TrySend(frame);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Join of {Topic} refused ({Reason}): {Detail}")]
    private static partial void LogJoinRefused(ILogger logger, string topic, string reason, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "{View} failed to mount on {Topic}")]
    private static partial void LogMountFailed(ILogger logger, Exception error, string view, string topic);

    [LoggerMessage(Level = LogLevel.Error, Message = "{View} crashed handling '{Event}' on {Topic}; the client will rejoin with a fresh mount")]
    private static partial void LogCrashed(ILogger logger, Exception error, string view, string @event, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{View} received the unsupported channel event '{Event}'")]
    private static partial void LogUnsupportedEvent(ILogger logger, string @event, string view);

    [LoggerMessage(Level = LogLevel.Error, Message = "{View} failed in OnUnmount")]
    private static partial void LogUnmountFailed(ILogger logger, Exception error, string view);

    [LoggerMessage(Level = LogLevel.Error, Message = "{View} failed in OnError")]
    private static partial void LogOnErrorFailed(ILogger logger, Exception error, string view);
}
