using System.Diagnostics;
using Hyper.Live.Diagnostics;
using Hyper.Live.Diffing;
using Hyper.Live.Events;
using Hyper.Live.Protocol;
using Hyper.Live.Security;
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
/// timers, subscriptions and background work.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification =
    "The token source has no timer to release; it is only cancelled, so Stop may run at any time, even after the session ended.")]
internal sealed partial class LiveSession : Mailbox<SessionMessage>, ILiveViewHost, IDrainListener
{
    private const int MaxPatchesPerCallback = 8;

    private readonly CancellationTokenSource lifetime = new();
    private readonly Differ differ = new();
    private readonly ISessionSocket socket;
    private readonly LiveHost host;
    private readonly ILogger logger;
    private readonly EventDispatcher events;

    private SessionResources? resources;
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

    private string ViewName => view?.GetType().Name ?? "(not mounted)";

    private SessionResources Resources => resources ??= new SessionResources(this, socket.Context.Services, lifetime.Token);

    /// <summary>
    /// Ends the session after the message being handled. With <paramref name="close"/>,
    /// tells the client the channel is closed (a duplicate join replaced it).
    /// </summary>
    public void Stop(bool close)
    {
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
                await RecoverAsync(() => view.HandleInfoAsync(info.Message, lifetime.Token)).ConfigureAwait(false);
                return await FinishAsync(refValue: null).ConfigureAwait(false);
            case SessionMessage.DeferredRender when view is not null && renderDeferred:
                renderDeferred = false;
                Render(refValue: null, join: null);
                return true;
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
            Send(FrameWriter.Current.JoinRefusal(joinRef, message.Ref, Topic, decision.Refusal!));
            return false;
        }

        try
        {
            scope = socket.Context.Services.CreateAsyncScope();
            var flash = join.Flash is not null ? host.Tokens.ReadFlash(join.Flash)
                : join.Mounts == 0 && join.Redirect is null ? host.Tokens.ReadStatic(join.Static)?.Flash : null;
            var request = new LiveRequest(decision.Request, socket.Context.Request.Request.Cookies);
            view = await ViewMounter.MountAsync(scope.Value.ServiceProvider, viewType, socket.Context.User, decision.Uri, decision.RouteValues, flash, request, this, lifetime.Token, decision.Props)
                .ConfigureAwait(false);
            view.Nested = host.NestedViews(Topic[PhoenixEvents.ViewTopicPrefix.Length..], socket.Context.User, decision.Request, connected: true);
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

    private void End()
    {
        socket.Remove(this);
        Stop();
    }

    protected override async Task OnStoppedAsync()
    {
        lifetime.Cancel();
        resources?.Release();
        if (view is not null)
        {
            ReleaseUploads(view);
        }

        components?.Clear();
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


    [LoggerMessage(Level = LogLevel.Error, Message = "{View} failed in OnUnmount")]
    private static partial void LogUnmountFailed(ILogger logger, Exception error, string view);

    [LoggerMessage(Level = LogLevel.Error, Message = "{View} failed in OnError")]
    private static partial void LogOnErrorFailed(ILogger logger, Exception error, string view);
}
