using System.Diagnostics;
using Hyper.Live.Diagnostics;
using Hyper.Live.Diffing;
using Hyper.Live.Events;
using Hyper.Live.Persistence;
using Hyper.Live.Protocol;
using Hyper.Live.Security;
using Hyper.Live.State;
using Hyper.Live.Views;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hyper.Live.Sessions;

/// <summary>
/// One joined live view (channel topic <c>lv:&lt;id&gt;</c>): its view instance, what the
/// client has of its render, and a mailbox. Joins, events, infos, timers and background
/// completions are handled strictly one at a time, in order; after each, the session carries
/// out the navigation the view asked for, or renders and sends only the diff. A handler that
/// throws ends this session alone (<c>phx_error</c> makes the client rejoin with a fresh
/// mount); the socket and every other session carry on. Ending the session cancels its
/// timers, subscriptions and background work. When its socket drops, the session may go on
/// detached (<see cref="SessionRegistry"/>): messages are still handled, nothing is sent, and the
/// page's rejoin re-attaches it to the new socket with a full render of the current state.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification =
    "The token source has no timer to release; it is only cancelled, so Stop may run at any time, even after the session ended.")]
internal sealed partial class LiveSession : Mailbox<SessionMessage>, ILiveViewHost, IDrainListener, ISharedReader
{
    private const int MaxPatchesPerCallback = 8;

    private readonly CancellationTokenSource lifetime = new();
    private readonly Differ differ = new();
    private readonly LiveHost host;
    private readonly ILogger logger;

    // Both change when a rejoin re-attaches the session to a new socket (only ever inside the mailbox).
    private ISessionSocket socket;
    private EventDispatcher events;

    private SessionResources? resources;

    // The view's [Persist] members, if any, and their values as last saved (a save happens only when they changed).
    private PersistedMembers? persisted;
    private byte[]? savedState;
    private string? joinRef;
    private LiveView? view;
    private ComponentTable? components;
    private AsyncServiceScope? scope;

    // A diff push held back while the client was behind; sent once it has read the rest.
    private bool renderDeferred;

    public LiveSession(ISessionSocket socket, string topic, LiveHost host)
    {
        this.socket = socket;
        Topic = topic;
        this.host = host;
        logger = host.Loggers.CreateLogger<LiveSession>();
        events = NewDispatcher();
        componentWarnings = new(host.Options.ClientErrorLogInterval);
    }

    public string Topic { get; }

    /// <summary>The view's <see cref="LiveView.SessionId"/>, given when the join is accepted.</summary>
    public string? SessionId { get; private set; }

    /// <summary>What the registry knows of this session; guarded by the registry's lock.</summary>
    public SessionRegistration? Registration { get; set; }

    /// <summary>Whether the socket dropped and no rejoin has re-attached the session yet.</summary>
    private bool IsDetached => socket is DetachedSocket;

    private string ViewName => view?.GetType().Name ?? "(not mounted)";

    // From the view's own scope: the socket's request services end with that socket, and a detached view lives on.
    private SessionResources Resources => resources ??= new SessionResources(this, scope?.ServiceProvider ?? socket.Context.Services, lifetime.Token);

    /// <summary>
    /// Ends the session after the message being handled. With <paramref name="close"/>,
    /// tells the client the channel is closed (a duplicate join replaced it).
    /// </summary>
    public void Stop(bool close)
    {
        // At once, not when the mailbox stops: the rejoin that replaced it must find the page's topic free.
        host.Sessions.Remove(this);
        if (close && joinRef is not null)
        {
            Send(FrameWriter.Current.ClosePush(joinRef, Topic));
        }

        Stop();
    }

    void ILiveViewHost.Subscribe(string topic) => Resources.Subscribe(topic);

    void ILiveViewHost.Unsubscribe(string topic) => resources?.Unsubscribe(topic);

    ValueTask ILiveViewHost.BroadcastAsync(string topic, object message, CancellationToken cancellationToken) =>
        Resources.PubSub.BroadcastAsync(topic, message, cancellationToken);

    void ILiveViewHost.SendInfo(object message) => Post(new SessionMessage.Info(message));

    LiveTimer ILiveViewHost.Schedule(object message, TimeSpan due, TimeSpan? period) => Resources.Schedule(message, due, period);

    void ILiveViewHost.StartAsync<T>(Func<CancellationToken, Task<T>> work, Action<T> completed, Action<Exception>? failed) =>
        Resources.StartAsync(work, completed, failed);

    protected override void OnStopping() => lifetime.Cancel();

    void IDrainListener.OnDrained() => Post(SessionMessage.DeferredRender.Instance);

    protected override void OnDropped(SessionMessage message) => ReturnInbound(message);

    /// <summary>A client frame no longer counts against the socket's inbound budget once handled or dropped.</summary>
    private void ReturnInbound(SessionMessage message)
    {
        if (message is SessionMessage.FromClient { Size: var size })
        {
            socket.Handled(size);
        }
        else if (message is SessionMessage.Chunk chunk)
        {
            socket.Handled(chunk.Size);
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk.Buffer);
        }
    }

    protected override async Task HandleAsync(SessionMessage message)
    {
        try
        {
            view?.Flash.BeginCallback();
            var carryOn = await HandleMessageAsync(message).ConfigureAwait(false);
            CloseRemovedUploadChannels();
            if (!carryOn)
            {
                End();
            }
            else
            {
                Save();
            }
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // Stopped while handling: the mailbox unmounts next.
        }
        catch (Exception error)
        {
            try
            {
                Crash(message, error);
            }
            finally
            {
                // Should reporting the crash fail half-way, the session must still end.
                End();
            }
        }
        finally
        {
            ReturnInbound(message);
        }
    }

    /// <summary>Handles one message; false when the session must end (a refused join, a leave, a redirect).</summary>
    private async Task<bool> HandleMessageAsync(SessionMessage message)
    {
        switch (message)
        {
            case SessionMessage.FromClient { Message: var frame } when frame.Topic != Topic:
                return HandleUploadChannel(frame);
            case SessionMessage.FromClient { Message: var frame }:
                return await HandleClientAsync(frame).ConfigureAwait(false);
            case SessionMessage.Chunk chunk when view is not null:
                return await HandleChunkAsync(chunk).ConfigureAwait(false);
            case SessionMessage.Info info when view is not null:
                await RecoverAsync(() => view.HandleInfoAsync(info.Topic, info.Message, lifetime.Token)).ConfigureAwait(false);
                return await FinishAsync(refValue: null).ConfigureAwait(false);
            case SessionMessage.SharedChanged when view is not null:
                RenderSharedChange();
                return true;
            case SessionMessage.DeferredRender when view is not null && renderDeferred:
                renderDeferred = false;
                Render(refValue: null, join: null);
                return true;
            case SessionMessage.Detach detach:
                DetachFrom(detach.From);
                return true;
            case SessionMessage.Attach attach when view is not null:
                return await AttachAsync(attach).ConfigureAwait(false);
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
                Send(FrameWriter.Current.LeaveReply(message.JoinRef, message.Ref, Topic));
                return false;
            case PhoenixEvents.Event:
                return await HandleEventAsync(message).ConfigureAwait(false);
            case PhoenixEvents.LivePatch:
                return await HandleLivePatchAsync(message).ConfigureAwait(false);
            case PhoenixEvents.AllowUpload:
                return await HandleAllowUploadAsync(message).ConfigureAwait(false);
            case PhoenixEvents.Progress:
                return await HandleProgressAsync(message).ConfigureAwait(false);
            case PhoenixEvents.CidsWillDestroy or PhoenixEvents.CidsDestroyed:
                HandleDestroy(message);
                return true;
            default:
                // The socket routes only the events above to a session.
                throw new UnreachableException($"the socket routed '{message.Event}' to a session");
        }
    }

    private async Task<bool> JoinAsync(PhoenixMessage message)
    {
        joinRef = message.JoinRef ?? message.Ref;
        var join = JoinRequest.Read(message.Payload);
        var decision = await host.Joins.AuthorizeAsync(Topic, join, socket.Context.Request, socket.Context.CsrfValid).ConfigureAwait(false);
        if (decision.ViewType is not { } viewType)
        {
            LogJoinRefused(logger, Topic, decision.Refusal!, decision.Detail);
            Send(FrameWriter.Current.JoinRefusal(joinRef, message.Ref, Topic, decision.Refusal!, decision.ClientError));
            return false;
        }

        var user = UserIdentity.KeyOf(socket.Context.User);
        if (join.Mounts > 0 && host.Sessions.Claim(Topic, user, viewType, socket) is { } kept)
        {
            // The page's rejoin after its socket dropped: the kept session answers this join, this one ends unseen.
            socket.Replace(this, kept);
            if (kept.Post(new SessionMessage.Attach(socket, joinRef, message.Ref, ExecutionContext.Capture())))
            {
                return false;
            }

            // It ended in the meantime (a crash): mount fresh after all.
            socket.Replace(kept, this);
        }

        // A live navigation starts a new session: the token names the session of the page's first view.
        SessionId = host.Sessions.Add(this, socket, user, join.Redirect is null ? decision.SessionId : null);
        try
        {
            scope = socket.Context.Services.CreateAsyncScope();
            var flash = join.Flash is not null ? host.Tokens.ReadFlash(join.Flash)
                : join.Mounts == 0 && join.Redirect is null ? host.Tokens.ReadStatic(join.Static)?.Flash : null;
            var request = new LiveRequest(decision.Request, socket.Context.Request.Request.Cookies);
            persisted = PersistedMembers.For(viewType);
            // Only a rejoin can have a snapshot to come back to: a page's first join is a fresh start.
            var restore = persisted is not null && join.Mounts > 0 ? RestoreAsync : (Func<LiveView, CancellationToken, Task>?)null;
            view = await ViewMounter.MountAsync(
                    scope.Value.ServiceProvider, viewType, socket.Context.User, decision.Uri, decision.RouteValues, flash, request, this, SessionId!, restore, lifetime.Token, decision.Props)
                .ConfigureAwait(false);
            view.Nested = host.NestedViews(Topic[PhoenixEvents.ViewTopicPrefix.Length..], socket.Context.User, decision.Request, connected: true);
            host.Sessions.Mounted(this, viewType);
            host.Metrics.SessionStarted(); // paired with SessionEnded when the view is unmounted
            host.Options.OnSessionStart?.Invoke(view);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogMountFailed(logger, error, viewType.Name, Topic);
            Send(FrameWriter.Current.JoinRefusal(joinRef, message.Ref, Topic, "join crashed"));
            return false;
        }

        LiveDiagnostics.Write(LiveDiagnostics.ViewMounted, Topic, view);
        differ.Reset();
        components?.Clear();
        components = new ComponentTable(this, NewDispatcher, Topic[PhoenixEvents.ViewTopicPrefix.Length..]);
        return await FinishAsync(message.Ref, join: true).ConfigureAwait(false);
    }

    private async Task<bool> HandleEventAsync(PhoenixMessage message)
    {
        view!.InputErrors.Clear();
        RegisterUploads(message.Payload);
        var component = TargetComponent(message.Payload, out var refused);
        if (refused is null)
        {
            // An event with a cid runs on that component, which renders after it.
            var dispatcher = component?.Events ?? events;
            object target = component is null ? view : component.Component;
            if (component is not null)
            {
                components!.MarkChanged(component);
            }

            await RecoverAsync(async () => refused = await dispatcher.DispatchAsync(target, message.Payload, lifetime.Token).ConfigureAwait(false)).ConfigureAwait(false);
        }

        if (refused is { } refusal)
        {
            if (refusal.Error is InvalidParameterException { InputError: { } input })
            {
                view.InputErrors.Add(input);
            }

            NotifyError(refusal.Error);
            if (refusal.Error is RateLimitedException)
            {
                // Over a limit nothing more is spent on the sender, not even a render.
                Send(FrameWriter.Current.ErrorReply(joinRef, message.Ref, Topic, refusal.Reply, ok: true));
                return true;
            }

            // The refusal's reply carries the render: what OnError and InputErrors changed is what
            // the browser shows of it (Phoenix's client ignores the error text).
            return await FinishAsync(message.Ref, error: refusal.Reply).ConfigureAwait(false);
        }

        host.Metrics.EventHandled();
        return await FinishAsync(message.Ref).ConfigureAwait(false);
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
            Send(FrameWriter.Current.ErrorReply(joinRef ?? request.JoinRef, request.Ref, Topic, "internal server error", ok: false));
        }

        Send(FrameWriter.Current.CrashPush(joinRef, Topic));
    }

    /// <summary>The socket <paramref name="from"/> dropped and the registry keeps this session: go on without sending.</summary>
    private void DetachFrom(ISessionSocket from)
    {
        if (socket == from)
        {
            socket = DetachedSocket.Instance;
            MoveTo(null); // the dropped socket's logging scope references all of it
            renderDeferred = false;
            LogDetached(logger, ViewName, SessionId, host.Options.DisconnectedSessionRetention);
        }
    }

    /// <summary>
    /// A rejoin re-attached this session: from now on it speaks over the new socket, and its join is answered with
    /// the whole current render (the client starts from an empty tree). A socket that still held the session (its
    /// drop not noticed yet) loses the channel.
    /// </summary>
    private async Task<bool> AttachAsync(SessionMessage.Attach attach)
    {
        if (!IsDetached && socket != attach.Socket)
        {
            socket.Remove(this);
            Send(FrameWriter.Current.ClosePush(joinRef, Topic));
        }

        socket = attach.Socket;
        joinRef = attach.JoinRef;
        MoveTo(attach.Flow);
        // The same user (the join checked it), but as the new socket's request has them: fresh claims and cookies.
        view!.User = socket.Context.User;
        view.Request = new LiveRequest(view.Request.Snapshot, socket.Context.Request.Request.Cookies);
        renderDeferred = false;
        events = new EventDispatcher(logger, socket.Context.Limits, host.DetailedErrors, host.Options.ClientErrorLogInterval);
        differ.Reset();
        components?.ResendAll();
        LogReattached(logger, ViewName, SessionId);
        await RecoverAsync(() => view.OnReattachAsync(lifetime.Token)).ConfigureAwait(false);
        return await FinishAsync(attach.Ref, join: true).ConfigureAwait(false);
    }

    /// <summary>Sets the persisted members from the session's snapshot, or says why not and leaves the fresh mount.</summary>
    private async Task RestoreAsync(LiveView mounted, CancellationToken cancellationToken)
    {
        var outcome = await host.Snapshots.RestoreAsync(SessionId!, mounted, persisted!, cancellationToken).ConfigureAwait(false);
        if (outcome == SnapshotRead.Restored)
        {
            LogRestored(logger, mounted.GetType().Name, SessionId);
        }
        else if (SessionSnapshots.WhyNotRestored(outcome) is { } reason)
        {
            LogNotRestored(logger, mounted.GetType().Name, SessionId, reason);
        }
    }

    /// <summary>After a callback: queues a snapshot of the persisted members when they changed.</summary>
    private void Save()
    {
        if (persisted is null || view is null || SessionId is null)
        {
            return;
        }

        var state = persisted.Capture(view);
        if (savedState is null || !state.AsSpan().SequenceEqual(savedState))
        {
            savedState = state;
            host.Snapshots.Save(SessionId, view.GetType(), persisted, state);
        }
    }

    private void End()
    {
        host.Sessions.Remove(this);
        if (persisted is not null && SessionId is not null)
        {
            // The page left, navigated away or crashed: nothing to come back to.
            host.Snapshots.Delete(SessionId);
        }

        socket.Remove(this);
        Stop();
    }

    protected override async Task OnStoppedAsync()
    {
        lifetime.Cancel();
        host.Sessions.Remove(this);
        resources?.Release();
        if (view is not null)
        {
            ReleaseUploads(view);
        }

        components?.Clear();
        ReleaseShared();
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
                mounted.Host = null;
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


    [LoggerMessage(Level = LogLevel.Debug, Message = "{View} (session {SessionId}) detached: its socket dropped; kept for {Retention}")]
    private static partial void LogDetached(ILogger logger, string view, string? sessionId, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{View} (session {SessionId}) re-attached by the page's rejoin")]
    private static partial void LogReattached(ILogger logger, string view, string? sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{View} (session {SessionId}) restored from its snapshot")]
    private static partial void LogRestored(ILogger logger, string view, string? sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{View} (session {SessionId}) mounted fresh instead of restoring: {Reason}")]
    private static partial void LogNotRestored(ILogger logger, string view, string? sessionId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{View} failed in OnUnmount")]
    private static partial void LogUnmountFailed(ILogger logger, Exception error, string view);

    [LoggerMessage(Level = LogLevel.Error, Message = "{View} failed in OnError")]
    private static partial void LogOnErrorFailed(ILogger logger, Exception error, string view);
}
