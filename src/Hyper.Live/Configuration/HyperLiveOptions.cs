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
    /// Written before every page title, in the HTTP render and after each live <see cref="LiveView.Title"/>
    /// change (Phoenix's <c>live_title</c> prefix, kept by the browser client). Null (the default) adds nothing.
    /// </summary>
    public string? TitlePrefix { get; set; }

    /// <summary>
    /// Written after every page title, e.g. <c>" · MyApp"</c>, in the HTTP render and after each live
    /// <see cref="LiveView.Title"/> change. Null (the default) adds nothing.
    /// </summary>
    public string? TitleSuffix { get; set; }

    /// <summary>The title of a view that sets no <see cref="LiveView.Title"/> (still with prefix and suffix). Null by default.</summary>
    public string? DefaultTitle { get; set; }

    /// <summary>
    /// The text of the banner the page shows while its live connection is down (after the socket was
    /// open once, and only once it has been down for <see cref="ConnectionBannerDelay"/>, so a quick
    /// reconnect shows nothing). The banner is a <c>div.hyper-connection-banner</c> (<c>role="status"</c>)
    /// and <c>&lt;html&gt;</c> gets the class <c>hyper-disconnected</c> meanwhile: restyle both with the
    /// app's CSS, or place an own <c>.hyper-connection-banner</c> element (with <c>hidden</c>) in the layout.
    /// <c>"Connection lost. Reconnecting…"</c> by default; null turns the banner off (the class stays).
    /// </summary>
    public string? ConnectionBanner { get; set; } = "Connection lost. Reconnecting…";

    /// <summary>How long the socket must be down before the connection banner shows. One second by default.</summary>
    public TimeSpan ConnectionBannerDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How the page's client connects: reconnect schedule (1 s doubling to 30 s, with jitter), heartbeat,
    /// auto-connect, long-poll fallback, a default debounce. See <see cref="HyperLiveClientOptions"/> for each default.
    /// </summary>
    public HyperLiveClientOptions Client { get; } = new();

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
    /// Hosts that <see cref="LiveView.RedirectExternal(string, bool)"/> may send the browser to (e.g. <c>pay.example.com</c>),
    /// compared without the port. Empty by default: any http(s) host. When set, a redirect to any other
    /// host is not sent: the HTTP render fails with 500 and a live view's callback fails as if it had thrown.
    /// </summary>
    public IList<string> AllowedRedirectHosts { get; } = [];

    /// <summary>How long the signed session tokens in a page stay valid (a page reconnecting after that reloads).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// Whether the ASP.NET Core session (<c>ISession</c>, when the app calls <c>UseSession</c>) is captured at
    /// the HTTP render into the page's session token, for <see cref="LiveView.Request"/>'s <c>Session</c>. Default true.
    /// The token is encrypted and signed; keep sessions small, as the token travels in every page.
    /// </summary>
    public bool CaptureSession { get; set; } = true;

    /// <summary>
    /// The request headers captured at the HTTP render into the page's session token, for
    /// <see cref="LiveView.Request"/>'s <c>Headers</c>. Default <c>User-Agent</c> and <c>Accept-Language</c>.
    /// </summary>
    public IList<string> CapturedHeaders { get; } = ["User-Agent", "Accept-Language"];

    /// <summary>
    /// The largest frame a client may send; a larger one closes its socket. Also the largest form
    /// a page without JavaScript may post (<see cref="NoScriptFallback"/>). 64 KiB by default.
    /// </summary>
    public int MaxMessageSize { get; set; } = 64 * 1024;

    /// <summary>
    /// Whether live pages work without JavaScript: the HTTP render's <c>@submit</c> forms and
    /// <c>@click</c> buttons post to the page, whose view is mounted for that request, runs the
    /// handler (the same binding and validation as over the socket) and answers with the
    /// re-rendered page, or a redirect when the handler navigates. Posts are CSRF-checked. Only the
    /// HTTP render carries the extra markup; once the socket joins, the live render replaces it.
    /// On by default.
    /// </summary>
    public bool NoScriptFallback { get; set; } = true;

    /// <summary>
    /// Compresses the frames sent to a browser that offers it (WebSocket per-message deflate,
    /// RFC 7692): a 1,000-row join render shrinks several times. Off by default: each
    /// compressing socket keeps a deflate window and state for its whole life (see
    /// bench/README.md for the measured cost per session), and compressed frames sent next to
    /// secrets an attacker can inject text beside may leak them (CRIME/BREACH-style), which is
    /// why ASP.NET Core calls the switch <c>DangerousEnableCompression</c>.
    /// </summary>
    public bool WebSocketCompression { get; set; }

    /// <summary>A socket that sends nothing (not even a heartbeat) for this long is closed. The client beats every 30 s.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(75);

    /// <summary>
    /// How long a long-poll request (<c>/live/longpoll</c>, the fallback when a WebSocket cannot open)
    /// is held open waiting for frames before it is answered empty and the client polls again.
    /// 10 s by default, as Phoenix; keep it well under the client's 20 s request timeout. A long-poll
    /// session whose client has not polled for <see cref="IdleTimeout"/> is closed.
    /// </summary>
    public TimeSpan LongPollWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Long-poll sessions open at once on this server; one more is refused with 503 (the client
    /// retries). 10,000 by default; null removes the limit (<see cref="MaxSocketsPerIpAddress"/> still applies).
    /// </summary>
    public int? MaxLongPollSessions { get; set; } = 10_000;

    /// <summary>
    /// Bytes of frames queued for a client that does not read them fast enough; past this the
    /// client is disconnected, so a stalled browser cannot grow the server's memory without
    /// bound. Renders for a client that is behind are coalesced first (one diff of the latest
    /// state once it has read the rest), so a healthy reader stays far below it. Default 1 MiB.
    /// </summary>
    public long MaxOutboundBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Frames one socket's client may have queued for its views and not yet handled; past this
    /// (or <see cref="MaxInboundBytes"/>) the server stops reading the socket until its handlers
    /// catch up. Default 64.
    /// </summary>
    public int MaxInboundFrames { get; set; } = 64;

    /// <summary>Bytes of frames one socket's client may have queued and not yet handled (see <see cref="MaxInboundFrames"/>). Default 1 MiB.</summary>
    public long MaxInboundBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Where uploaded files are written while they arrive, until the view consumes or cancels them (or
    /// goes away: a view's files are deleted when it ends, crashed or not). A folder <c>hyper-live-uploads</c>
    /// in the system's temporary folder by default.
    /// </summary>
    public string UploadDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "hyper-live-uploads");

    /// <summary>
    /// Disk space one view's uploads may hold at once (by the sizes the browser declares, reserved before
    /// the first byte is written). A file that does not fit is refused with <c>disk_budget_exceeded</c>. Default 256 MiB.
    /// </summary>
    public long MaxUploadBytesPerView { get; set; } = 256L * 1024 * 1024;

    /// <summary>Disk space all uploads of the server may hold at once (see <see cref="MaxUploadBytesPerView"/>). Default 2 GiB.</summary>
    public long MaxUploadBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// Called when a view has joined and mounted over a socket (for metrics, auditing); <see cref="LiveView.SessionId"/>
    /// names the session. Not called again when a reconnect re-attaches the same session.
    /// </summary>
    public Action<LiveView>? OnSessionStart { get; set; }

    /// <summary>
    /// Called when a joined view has gone away (left, crashed or navigated, or its socket dropped and no reconnect
    /// re-attached it within <see cref="DisconnectedSessionRetention"/>).
    /// </summary>
    public Action<LiveView>? OnSessionEnd { get; set; }

    /// <summary>
    /// How long a live session outlives its dropped socket, detached: its view keeps its state, timers and
    /// subscriptions (messages are handled, renders are not sent), and the page's rejoin within this time
    /// re-attaches the same instance with no remount. 3 minutes by default, as Blazor keeps a disconnected
    /// circuit: long enough for a phone changing networks, a laptop lid or a proxy restart, short enough that
    /// closed tabs (whose sockets drop the same way) do not pile up. <see cref="TimeSpan.Zero"/> ends a session
    /// with its socket, as before.
    /// </summary>
    public TimeSpan DisconnectedSessionRetention { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// The most detached sessions kept at once (see <see cref="DisconnectedSessionRetention"/>); past it the one
    /// detached longest ends first. 10,000 by default: a detached session costs what an attached one does
    /// (its view and what it renders, a few KB for a typical page, measured in bench/README.md), so this
    /// bounds the memory that sockets dropped in bulk (a proxy restart, a network outage, a flood of
    /// connect-and-vanish clients) can hold to tens of MB, while covering every session of a server that
    /// serves 10,000 at once. (Blazor's 100 circuits assume far heavier circuits.) Detached sessions also count
    /// against <see cref="MaxSessions"/>.
    /// </summary>
    public int MaxRetainedSessions { get; set; } = 10_000;

    /// <summary>
    /// How long a session's snapshot (its <see cref="PersistAttribute"/> members) stays in the <see cref="ISessionStore"/>
    /// without being written or touched: a page that rejoins later mounts fresh. 30 minutes by default, as ASP.NET
    /// Core's session idle timeout is 20 and a sleeping laptop or a deploy rarely takes longer.
    /// </summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Makes the <see cref="ISessionStore"/> that keeps sessions' snapshots. Null (the default) keeps them in this
    /// process's memory (lost on restart); <c>options.UseSqliteSessionStore()</c> (package Hyper.Live.Sqlite) keeps them in a
    /// file. A store registered as an <see cref="ISessionStore"/> service before <c>AddHyperLive</c> is used instead.
    /// </summary>
    public Func<IServiceProvider, ISessionStore>? SessionStore { get; set; }

    /// <summary>
    /// Called when a browser's live socket has been accepted, before any view joins over it (for metrics,
    /// presence, auditing). Runs on the socket's thread: keep it short. Null by default.
    /// </summary>
    public Action<LiveConnection>? OnSocketConnected { get; set; }

    /// <summary>
    /// Called when a live socket has ended, however it ended (<see cref="LiveConnection.CloseReason"/>,
    /// <see cref="LiveConnection.Error"/> for a socket the server closed for a fault of the client),
    /// after its views went. Null by default.
    /// </summary>
    public Action<LiveConnection>? OnSocketDisconnected { get; set; }

    /// <summary>The most live views one socket may join at once.</summary>
    public int MaxViewsPerSocket { get; set; } = 100;

    /// <summary>
    /// How often bad input from one client is logged at Warning: malformed frames once per socket,
    /// refused events (unknown, stale, malformed, unbindable) once per view, in each interval;
    /// the rest go to Debug and are counted in the next warning, so a client cannot flood the log.
    /// 10 seconds by default; <see cref="TimeSpan.Zero"/> logs every one at Warning.
    /// </summary>
    public TimeSpan ClientErrorLogInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Events one socket may send (all its views together), as <c>count/second</c>, <c>/minute</c> or
    /// <c>/hour</c>; an event over it does not run and is answered with a "rate limited" error.
    /// <c>"50/second"</c> by default; null removes the limit. Per-view and per-handler limits are
    /// set with <see cref="RateLimitAttribute"/>.
    /// </summary>
    public string? EventRateLimit { get; set; } = "50/second";

    /// <summary>
    /// Rate-limited events one socket may send before the server closes it (the client reconnects
    /// with its back-off). <c>"100/minute"</c> by default; null never closes a socket for it.
    /// </summary>
    public string? RateLimitedEventLimit { get; set; } = "100/minute";

    /// <summary>
    /// Joins one socket may send (each mounts a view); a join over it is refused with the reason
    /// <c>too many joins</c>. <c>"20/second"</c> by default; null removes the limit.
    /// </summary>
    public string? JoinRateLimit { get; set; } = "20/second";

    /// <summary>
    /// Open sockets per client IP address; the upgrade of one more is refused with 429 Too Many
    /// Requests. 1,000 by default; null removes the limit. Behind a reverse proxy every client has the
    /// proxy's address unless forwarded headers are applied (<c>UseForwardedHeaders</c>).
    /// </summary>
    public int? MaxSocketsPerIpAddress { get; set; } = 1000;

    /// <summary>
    /// Live views mounted at once on this server; a join over it is refused with the reason
    /// <c>server full</c>. Checked as each join arrives, so joins mounting at that moment may pass it
    /// by a few. 100,000 by default; null removes the limit.
    /// </summary>
    public int? MaxSessions { get; set; } = 100_000;

    /// <summary>
    /// Where to serve a JSON snapshot of the server's load (sockets, sessions, events, managed
    /// heap, working set), for load tests and operators; null (the default) serves nothing.
    /// Only loopback clients get an answer, and <c>?collect=true</c> forces a full garbage
    /// collection first so the heap size is what live objects hold. Example: <c>/_hyper/diagnostics</c>.
    /// </summary>
    public string? DiagnosticsPath { get; set; }
}
