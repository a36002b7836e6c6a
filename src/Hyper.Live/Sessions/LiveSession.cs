using System.Text.Json;
using System.Threading.Channels;
using Hyper.Live.Diffing;
using Hyper.Live.Hosting;
using Hyper.Live.Protocol;
using Hyper.Live.Templates;
using Hyper.Live.Views;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hyper.Live.Sessions;

/// <summary>
/// One joined live view (channel topic <c>lv:&lt;id&gt;</c>): its view instance, what the
/// client has of its render, and a mailbox. Joins, events and infos are handled strictly
/// one at a time, in order; after each, the view renders and only the diff is sent. A
/// handler that throws ends this session alone (<c>phx_error</c> makes the client rejoin
/// with a fresh mount); the socket and every other session carry on.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification =
    "The token source has no timer to release; it is only cancelled, so Stop may run at any time, even after the session ended.")]
internal sealed partial class LiveSession
{
    private readonly Channel<SessionMessage> mailbox =
        Channel.CreateUnbounded<SessionMessage>(new UnboundedChannelOptions { SingleReader = true });

    private readonly CancellationTokenSource lifetime = new();
    private readonly Differ differ = new();
    private readonly PhoenixSocket socket;
    private readonly LiveHost host;
    private readonly ILogger logger;
    private string? joinRef;
    private LiveView? view;
    private AsyncServiceScope? scope;
    private Task completion = Task.CompletedTask;

    public LiveSession(PhoenixSocket socket, string topic, LiveHost host)
    {
        this.socket = socket;
        Topic = topic;
        this.host = host;
        logger = host.Loggers.CreateLogger<LiveSession>();
    }

    public string Topic { get; }

    /// <summary>Completes when the session has stopped and its view has been unmounted.</summary>
    public Task Completion => completion;

    private string ViewName => view?.GetType().Name ?? "(not mounted)";

    public void Start() => completion = RunAsync();

    /// <summary>Queues a message; false once the session has stopped.</summary>
    public bool Post(SessionMessage message) => mailbox.Writer.TryWrite(message);

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

        mailbox.Writer.TryComplete();
        lifetime.Cancel();
    }

    private async Task RunAsync()
    {
        try
        {
            while (await mailbox.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (!lifetime.IsCancellationRequested && mailbox.Reader.TryRead(out var message))
                {
                    try
                    {
                        if (!await HandleAsync(message).ConfigureAwait(false))
                        {
                            End();
                        }
                    }
                    catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
                    {
                        return;
                    }
                    catch (Exception error)
                    {
                        Crash(message, error);
                        return;
                    }
                }

                if (lifetime.IsCancellationRequested)
                {
                    return;
                }
            }
        }
        finally
        {
            await UnmountAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Handles one message; false when the session must end (a refused join, a leave).</summary>
    private Task<bool> HandleAsync(SessionMessage message) => message switch
    {
        SessionMessage.FromClient { Message: var frame } => HandleClientAsync(frame),
        SessionMessage.Info info => HandleInfoAsync(info.Message),
        _ => Task.FromResult(true),
    };

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
                await HandleEventAsync(message).ConfigureAwait(false);
                return true;
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
            view.IsConnected = true;
            view.User = socket.Context.User;
            view.Uri = uri;
            var parameters = new LiveParams(uri ?? new Uri("http://localhost/"), route?.Values ?? []);
            await view.MountAsync(parameters, lifetime.Token).ConfigureAwait(false);
            await view.HandleParamsAsync(parameters, lifetime.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogMountFailed(logger, error, viewType!.Name, Topic);
            Send(FrameWriter.Current.Reply(joinRef, message.Ref, Topic, ok: false, "join crashed"));
            return false;
        }

        LiveDiagnostics.Write(LiveDiagnostics.ViewMounted, Topic, view);
        differ.Reset();
        SendRender(message.Ref, "rendered", includeTitle: view.Title is not null);
        return true;
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

    private async Task HandleEventAsync(PhoenixMessage message)
    {
        var payload = message.Payload;
        if (!payload.TryGetProperty("event"u8, out var name) || name.ValueKind != JsonValueKind.String)
        {
            LogMalformedEvent(logger, ViewName);
            ReplyError(message, "an event needs a string 'event' name");
            return;
        }

        var liveEvent = new LiveEvent(
            name.GetString()!,
            payload.TryGetProperty("type"u8, out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null,
            payload.TryGetProperty("value"u8, out var value) ? value : default,
            payload.TryGetProperty("cid"u8, out var cid) && cid.TryGetInt32(out var id) ? id : null);

        var handler = HandlerTable.For(view!.GetType()).Find(liveEvent.Name);
        try
        {
            await (handler is null ? view.HandleEventAsync(liveEvent, lifetime.Token) : handler(view, liveEvent)).ConfigureAwait(false);
        }
        catch (UnknownEventException unknown)
        {
            LogUnknownEvent(logger, unknown.EventName, ViewName);
            ReplyError(message, unknown.Message);
            return;
        }

        SendRender(message.Ref, "diff", includeTitle: view.TitleChanged);
    }

    private async Task<bool> HandleInfoAsync(object message)
    {
        if (view is null)
        {
            return true;
        }

        await view.HandleInfoAsync(message, lifetime.Token).ConfigureAwait(false);
        PushDiff();
        return true;
    }

    /// <summary>Replies to <paramref name="refValue"/> with the render: in full after a join, as a diff otherwise.</summary>
    private void SendRender(string? refValue, string property, bool includeTitle)
    {
        var frames = FrameWriter.Current;
        using (RenderArena.Enter())
        {
            var html = view!.Render();
            frames.BeginReply(joinRef, refValue, Topic, ok: true);
            if (property == "rendered")
            {
                frames.Json.WriteString("liveview_version"u8, PhoenixEvents.LiveViewVersion);
            }

            frames.Diff.Push(property);
            differ.Write(frames.Diff, html);
            WriteTitle(frames, includeTitle);
            frames.Diff.Pop();
            Send(frames.EndReply());
        }
    }

    /// <summary>Sends what changed without a request (after an info): a <c>diff</c> push, or nothing.</summary>
    private void PushDiff()
    {
        var frames = FrameWriter.Current;
        using (RenderArena.Enter())
        {
            var html = view!.Render();
            var json = frames.Begin(joinRef, null, Topic, PhoenixEvents.Diff);
            frames.Diff.PushOptionalRoot();
            differ.Write(frames.Diff, html);
            WriteTitle(frames, view.TitleChanged);
            var changed = frames.Diff.IsWritten;
            frames.Diff.Pop();
            if (changed)
            {
                Send(frames.End());
            }
            else
            {
                json.Reset();
            }
        }
    }

    private void WriteTitle(FrameWriter frames, bool includeTitle)
    {
        if (includeTitle)
        {
            frames.Diff.Flush();
            frames.Json.WriteString("t"u8, view!.Title ?? "");
        }

        view!.TitleChanged = false;
    }

    private void ReplyError(PhoenixMessage message, string error)
    {
        var frames = FrameWriter.Current;
        frames.BeginReply(joinRef ?? message.JoinRef, message.Ref, Topic, ok: false);
        frames.Json.WriteString("error"u8, error);
        Send(frames.EndReply());
    }

    private void Crash(SessionMessage message, Exception error)
    {
        var eventName = message is SessionMessage.FromClient client ? client.Message.Payload.ValueKind == JsonValueKind.Object &&
            client.Message.Payload.TryGetProperty("event"u8, out var name) ? name.ToString() : client.Message.Event : message.GetType().Name;
        LogCrashed(logger, error, ViewName, eventName, Topic);
        if (message is SessionMessage.FromClient { Message: var frame })
        {
            ReplyError(frame, "internal server error");
        }

        Send(FrameWriter.Current.Push(joinRef, joinRef, Topic, PhoenixEvents.Error, "channel_crash"));
        End();
    }

    private void End()
    {
        socket.Remove(this);
        mailbox.Writer.TryComplete();
        lifetime.Cancel();
    }

    private async Task UnmountAsync()
    {
        var mounted = view;
        view = null;
        try
        {
            if (mounted is not null)
            {
                LiveDiagnostics.Write(LiveDiagnostics.ViewUnmounted, Topic, mounted);
                await mounted.OnUnmountAsync().ConfigureAwait(false);
            }
        }
        catch (Exception error)
        {
            LogUnmountFailed(logger, error, mounted!.GetType().Name);
        }
        finally
        {
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "{View} received the unknown event '{Event}'")]
    private static partial void LogUnknownEvent(ILogger logger, string @event, string view);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{View} received the unsupported channel event '{Event}'")]
    private static partial void LogUnsupportedEvent(ILogger logger, string @event, string view);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{View} received an event without a name")]
    private static partial void LogMalformedEvent(ILogger logger, string view);

    [LoggerMessage(Level = LogLevel.Error, Message = "{View} failed in OnUnmount")]
    private static partial void LogUnmountFailed(ILogger logger, Exception error, string view);
}
