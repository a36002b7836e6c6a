using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Hyper.Live.Protocol;
using Hyper.Live.RateLimiting;
using Hyper.Live.Security;
using Hyper.Live.Sessions;

namespace Hyper.Live.Transports;

/// <summary>
/// The long-poll transport at <c>/live/longpoll</c> (protocol §2.7), which the Phoenix client
/// falls back to when its WebSocket cannot open: a GET without a token opens a session
/// (<c>{"status":410,"token":…}</c>), a GET with one waits for frames
/// (<c>{"status":200,"messages":[…]}</c>, or 204 after <see cref="HyperLiveOptions.LongPollWindow"/>),
/// and a POST carries the client's frames, one per line. The same checks as the WebSocket's:
/// origin, serializer version, CSRF (a mismatch answers every join <c>stale</c>), sockets per address.
/// </summary>
internal static partial class LongPollEndpoint
{
    public const string Path = "/live/longpoll";

    /// <summary>Answers one long-poll request.</summary>
    public static async Task HandleAsync(HttpContext context)
    {
        var host = context.RequestServices.GetRequiredService<LiveHost>();
        var logger = host.Loggers.CreateLogger(typeof(LongPollEndpoint));
        context.Response.Headers.CacheControl = "no-store";
        if (!context.RequestServices.GetRequiredService<OriginPolicy>().Allows(context.Request))
        {
            LogOriginRefused(logger, context.Request.Headers.Origin.ToString());
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await AnswerAsync(context, StatusCodes.Status403Forbidden).ConfigureAwait(false);
            return;
        }

        var version = UncachedRequestValues.Query(context.Request, "vsn") ?? "";
        if (!version.StartsWith("2.", StringComparison.Ordinal))
        {
            LogVersionRefused(logger, version);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("Hyper.Live speaks the Phoenix V2 serializer (vsn=2.0.0).", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var registry = context.RequestServices.GetRequiredService<LongPollRegistry>();
        var token = UncachedRequestValues.Query(context.Request, "token") ?? context.Request.Headers["x-phoenix-longpoll-token"].ToString();
        var isPost = HttpMethods.IsPost(context.Request.Method);
        if (string.IsNullOrEmpty(token))
        {
            if (isPost)
            {
                LogNoToken(logger);
                await AnswerAsync(context, StatusCodes.Status410Gone).ConfigureAwait(false);
                return;
            }

            await OpenAsync(context, host, registry, logger).ConfigureAwait(false);
            return;
        }

        var session = registry.Find(token, out var forged);
        if (forged)
        {
            LogForged(logger);
        }
        else if (session is not null && session.UserKey != UserIdentity.KeyOf(context.User))
        {
            // A token that leaked to another user (or outlived a sign-in or sign-out) does not carry the socket with it.
            LogOtherUser(logger);
            session = null;
        }

        if (session is null)
        {
            // 410 tells a client that has a token that its session is gone: it opens a new one and rejoins (close 3410).
            await AnswerAsync(context, StatusCodes.Status410Gone).ConfigureAwait(false);
            return;
        }

        if (isPost)
        {
            int status;
            try
            {
                status = await session.ReceiveAsync(context.Request.BodyReader, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return; // the client went away mid-body
            }

            await AnswerAsync(context, status).ConfigureAwait(false);
            return;
        }

        var frames = await session.PollAsync(host.Options.LongPollWindow, context.RequestAborted).ConfigureAwait(false);
        if (frames is null)
        {
            await AnswerAsync(context, StatusCodes.Status410Gone).ConfigureAwait(false);
            return;
        }

        try
        {
            await AnswerAsync(context, frames.Count > 0 ? StatusCodes.Status200OK : StatusCodes.Status204NoContent, token, frames).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client aborts a poll only when it drops the whole session (it then rejoins over a new one).
        }
        finally
        {
            session.Delivered(frames);
        }
    }

    private static Task OpenAsync(HttpContext context, LiveHost host, LongPollRegistry registry, ILogger logger)
    {
        if (!registry.TryReserve())
        {
            LogTooManySessions(logger, host.Options.MaxLongPollSessions);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return context.Response.WriteAsync("Hyper.Live: too many long-poll sessions.", context.RequestAborted);
        }

        var address = context.Features.Get<IHttpConnectionFeature>()?.RemoteIpAddress;
        if (context.RequestServices.GetRequiredService<RateLimits>().OpenSocket(address, context.User) is not { } limits)
        {
            registry.Release();
            LogTooManySockets(logger, address?.ToString() ?? "?", host.Options.MaxSocketsPerIpAddress);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return context.Response.WriteAsync("Hyper.Live: too many open sockets from this address.", context.RequestAborted);
        }

        var csrfValid = host.Csrf.IsValid(context);
        var session = new LongPollSession(LongPollRegistry.NewId(), context, detached => new SocketContext(detached, csrfValid, limits), host, registry);
        registry.Add(session);
        return AnswerAsync(context, StatusCodes.Status410Gone, registry.Protect(session.Id), []);
    }

    /// <summary>
    /// Writes <c>{"status":…,"token":…,"messages":[…]}</c>. The HTTP status stays 200 (unless already
    /// set): the Phoenix client reads the JSON's. Each message is one V2 frame as a JSON string.
    /// </summary>
    private static async Task AnswerAsync(HttpContext context, int status, string? token = null, List<Frame>? frames = null)
    {
        context.Response.ContentType = "application/json";
        var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteNumber("status", status);
            if (token is not null)
            {
                writer.WriteString("token", token);
            }

            if (frames is not null)
            {
                writer.WriteStartArray("messages");
                foreach (var frame in frames)
                {
                    writer.WriteStringValue(frame.Memory.Span);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a long-poll request from the origin '{Origin}': not an address of this app, a host of AllowedHosts or an entry of HyperLiveOptions.AllowedOrigins")]
    private static partial void LogOriginRefused(ILogger logger, string origin);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a long-poll request with the unsupported serializer version '{Version}'")]
    private static partial void LogVersionRefused(ILogger logger, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a long-poll request with a token this app did not sign")]
    private static partial void LogForged(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a long-poll request whose token belongs to another user")]
    private static partial void LogOtherUser(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a long-poll POST without a session token")]
    private static partial void LogNoToken(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a long-poll session: {Limit} are open (HyperLiveOptions.MaxLongPollSessions)")]
    private static partial void LogTooManySessions(ILogger logger, int? limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a long-poll session from {Address}: it has {Limit} open already")]
    private static partial void LogTooManySockets(ILogger logger, string address, int? limit);
}
