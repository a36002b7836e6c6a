using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Hyper.Live.RateLimiting;
using Hyper.Live.Security;
using Hyper.Live.Sessions;

namespace Hyper.Live.Transports;

/// <summary>
/// Accepts the client's socket at <c>/live/websocket</c> (protocol §2.1): checks the
/// <c>Origin</c> (<see cref="OriginPolicy"/>), the serializer version, and the CSRF token
/// (a mismatch still connects, but every join is answered <c>stale</c>, as Phoenix does).
/// </summary>
internal static partial class WebSocketEndpoint
{
    public const string Path = "/live/websocket";

    /// <summary>
    /// Checks the request and hands it to <see cref="WebSocketConnection.AcceptAndRunAsync"/>. Not
    /// itself async: the connection's own frame is then the only one kept for the socket's life.
    /// </summary>
    public static Task HandleAsync(HttpContext context)
    {
        var host = context.RequestServices.GetRequiredService<LiveHost>();
        var logger = host.Loggers.CreateLogger(typeof(WebSocketEndpoint));
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return context.Response.WriteAsync("Hyper.Live: this endpoint only accepts WebSocket connections.", context.RequestAborted);
        }

        if (!context.RequestServices.GetRequiredService<OriginPolicy>().Allows(context.Request))
        {
            LogOriginRefused(logger, context.Request.Headers.Origin.ToString());
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        var version = UncachedRequestValues.Query(context.Request, "vsn") ?? "";
        if (!version.StartsWith("2.", StringComparison.Ordinal))
        {
            LogVersionRefused(logger, version);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return context.Response.WriteAsync("Hyper.Live speaks the Phoenix V2 serializer (vsn=2.0.0).", context.RequestAborted);
        }

        var acceptContext = new WebSocketAcceptContext
        {
            // The client asks for "phoenix" when it sends an auth token as a subprotocol (§2.1).
            SubProtocol = context.WebSockets.WebSocketRequestedProtocols.Contains("phoenix") ? "phoenix" : null,
            // Used only when the client offers permessage-deflate; see HyperLiveOptions.WebSocketCompression.
            DangerousEnableCompression = host.Options.WebSocketCompression,
        };
        // The address from the connection feature: context.Connection would allocate a wrapper kept for the socket's life.
        var address = context.Features.Get<IHttpConnectionFeature>()?.RemoteIpAddress;
        if (context.RequestServices.GetRequiredService<RateLimits>().OpenSocket(address, context.User) is not { } limits)
        {
            LogTooManySockets(logger, address?.ToString() ?? "?", host.Options.MaxSocketsPerIpAddress);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return context.Response.WriteAsync("Hyper.Live: too many open sockets from this address.", context.RequestAborted);
        }

        // Disposed when the request ends, however the socket ended (or failed to open): frees the address's place.
        context.Response.RegisterForDispose(limits);
        var socketContext = new SocketContext(context, host.Csrf.IsValid(context), limits);
        return WebSocketConnection.AcceptAndRunAsync(context, acceptContext, socketContext, host);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a socket from the origin '{Origin}': not an address of this app, a host of AllowedHosts or an entry of HyperLiveOptions.AllowedOrigins")]
    private static partial void LogOriginRefused(ILogger logger, string origin);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a socket from {Address}: it has {Limit} open already")]
    private static partial void LogTooManySockets(ILogger logger, string address, int? limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a socket with the unsupported serializer version '{Version}'")]
    private static partial void LogVersionRefused(ILogger logger, string version);
}
