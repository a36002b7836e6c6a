using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Hyper.Live.Security;
using Hyper.Live.Sessions;

namespace Hyper.Live.Transports;

/// <summary>
/// Accepts the client's socket at <c>/live/websocket</c> (protocol §2.1): checks the
/// <c>Origin</c> against the page's own host, the serializer version, and the CSRF token
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

        if (!IsAllowedOrigin(context, host.Options))
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
        };
        var socketContext = new SocketContext(context.User, host.Csrf.IsValid(context), context.RequestServices, context.Request.Host.Host);
        return WebSocketConnection.AcceptAndRunAsync(context, acceptContext, socketContext, host);
    }

    /// <summary>Same-origin (scheme, host and port of the request) or listed in <see cref="HyperLiveOptions.AllowedOrigins"/>.</summary>
    private static bool IsAllowedOrigin(HttpContext context, HyperLiveOptions options)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return true; // not a browser: browsers always send Origin on WebSocket requests
        }

        var own = $"{context.Request.Scheme}://{context.Request.Host}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) ||
            options.AllowedOrigins.Any(allowed => string.Equals(origin, allowed.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a socket from the cross-site origin '{Origin}'")]
    private static partial void LogOriginRefused(ILogger logger, string origin);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a socket with the unsupported serializer version '{Version}'")]
    private static partial void LogVersionRefused(ILogger logger, string version);
}
