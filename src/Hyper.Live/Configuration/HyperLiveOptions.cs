using Microsoft.AspNetCore.Http;

namespace Hyper.Live;

/// <summary>Options of Hyper.Live, set with <c>AddHyperLive(options => …)</c>.</summary>
public sealed class HyperLiveOptions
{
    /// <summary>
    /// The page around every live view (unless a view overrides its layout). Must place
    /// <see cref="LiveLayoutContext.Head"/> in <c>&lt;head&gt;</c> and <see cref="LiveLayoutContext.Body"/> in <c>&lt;body&gt;</c>.
    /// </summary>
    public Func<LiveLayoutContext, Html> Layout { get; set; } = LiveLayout.Default;

    /// <summary>
    /// Origins (<c>scheme://host[:port]</c>, e.g. <c>https://app.example.com</c>) allowed to open the socket
    /// besides the app's own. Empty by default: then a page's origin must name an address the server
    /// listens on (loopback names count as one another) or a host of the <c>AllowedHosts</c> setting.
    /// Comparing with the request's <c>Host</c> alone would let a DNS-rebinding page through. Behind a
    /// proxy, set <c>AllowedHosts</c> or list the public origin here. A socket from any other origin is
    /// refused with 403: a cross-site page must not drive a user's views.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>
    /// Who may show live pages in a frame, as a CSP <c>frame-ancestors</c> source list: the HTTP render
    /// of every live page sends <c>Content-Security-Policy: frame-ancestors …</c> (as an extra policy
    /// header, so an app's own CSP still applies), plus <c>X-Frame-Options: SAMEORIGIN</c> for
    /// <c>'self'</c> or <c>DENY</c> for <c>'none'</c> for older browsers (unless the app set one).
    /// <c>'self'</c> by default, against clickjacking; null sends neither header.
    /// </summary>
    public string? FrameAncestors { get; set; } = "'self'";

    /// <summary>
    /// The CSP nonce of the current request, written as <c>nonce="…"</c> on the client script tag of
    /// the HTTP render, for a <c>script-src 'nonce-…'</c> policy. The app makes a fresh random nonce
    /// per request in its CSP middleware and returns it here, e.g.
    /// <c>options.ScriptNonce = context =&gt; context.Items["csp-nonce"] as string</c>.
    /// Null (the default), or a null result, writes no nonce.
    /// </summary>
    public Func<HttpContext, string?>? ScriptNonce { get; set; }

    /// <summary>
    /// Hosts that <see cref="LiveView.RedirectExternal"/> may send the browser to (e.g. <c>pay.example.com</c>),
    /// compared without the port. Empty by default: any http(s) host. When set, a redirect to any other
    /// host is not sent: the HTTP render fails with 500 and a live view's callback fails as if it had thrown.
    /// </summary>
    public IList<string> AllowedRedirectHosts { get; } = [];

    /// <summary>How long the signed session tokens in a page stay valid (a page reconnecting after that reloads).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The largest frame a client may send; a larger one closes its socket. 64 KiB by default.</summary>
    public int MaxMessageSize { get; set; } = 64 * 1024;

    /// <summary>A socket that sends nothing (not even a heartbeat) for this long is closed. The client beats every 30 s.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(75);

    /// <summary>
    /// Frames queued for a client that does not read them; past this the client is disconnected,
    /// so a stalled browser cannot grow the server's memory without bound.
    /// </summary>
    public int MaxQueuedFrames { get; set; } = 1024;

    /// <summary>Called when a view has joined and mounted over a socket (for metrics, auditing).</summary>
    public Action<LiveView>? OnSessionStart { get; set; }

    /// <summary>Called when a joined view has gone away (left, disconnected, crashed or navigated).</summary>
    public Action<LiveView>? OnSessionEnd { get; set; }

    /// <summary>The most live views one socket may join at once.</summary>
    public int MaxViewsPerSocket { get; set; } = 100;

    /// <summary>
    /// Where to serve a JSON snapshot of the server's load (sockets, sessions, events, managed
    /// heap, working set), for load tests and operators; null (the default) serves nothing.
    /// Only loopback clients get an answer, and <c>?collect=true</c> forces a full garbage
    /// collection first so the heap size is what live objects hold. Example: <c>/_hyper/diagnostics</c>.
    /// </summary>
    public string? DiagnosticsPath { get; set; }
}
