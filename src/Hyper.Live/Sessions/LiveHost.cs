using System.Security.Claims;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Hyper.Live.Diagnostics;
using Hyper.Live.Persistence;
using Hyper.Live.Routing;
using Hyper.Live.Security;
using Hyper.Live.Uploads;
using Hyper.Live.Views;

namespace Hyper.Live.Sessions;

/// <summary>The framework's process-wide parts, shared by the HTTP render and every socket.</summary>
internal sealed class LiveHost
{
    public LiveHost(LiveRoutes routes, LiveTokens tokens, JoinAuthorizer joins, CsrfTokens csrf, IOptions<HyperLiveOptions> options, ILoggerFactory loggers, HyperLiveMetrics metrics,
        SessionRegistry sessions, SessionSnapshots snapshots, IHostEnvironment? environment = null)
    {
        DetailedErrors = environment?.IsDevelopment() ?? false;
        Metrics = metrics;
        Sessions = sessions;
        Snapshots = snapshots;
        Routes = routes;
        Tokens = tokens;
        Joins = joins;
        Csrf = csrf;
        Options = options.Value;
        Loggers = loggers;
        UploadSpace = new UploadBudget(Options.MaxUploadBytes);
    }

    /// <summary>The disk space every view's uploads share (<see cref="HyperLiveOptions.MaxUploadBytes"/>).</summary>
    public UploadBudget UploadSpace { get; }

    public LiveRoutes Routes { get; }

    public LiveTokens Tokens { get; }

    /// <summary>Decides what each join may mount.</summary>
    public JoinAuthorizer Joins { get; }

    public CsrfTokens Csrf { get; }

    public HyperLiveOptions Options { get; }

    public ILoggerFactory Loggers { get; }

    public HyperLiveMetrics Metrics { get; }

    /// <summary>Every live session by id, and the detached ones a rejoin may re-attach.</summary>
    public SessionRegistry Sessions { get; }

    /// <summary>Saves and restores the views' persisted members.</summary>
    public SessionSnapshots Snapshots { get; }
    /// <summary>
    /// Where a view rendered in container <paramref name="parentId"/> (null: a layout) writes the live views it embeds,
    /// their tokens signed for <paramref name="user"/> and the page's <paramref name="request"/>.
    /// </summary>
    public NestedViews NestedViews(string? parentId, ClaimsPrincipal user, RequestSnapshot request, bool connected) =>
        new(parentId, nested => Tokens.SignNested(nested, user, request), connected, Options.TokenLifetime / 2);

    /// <summary>Whether error replies to clients may name types, parameters and close handler names: only in Development.</summary>
    public bool DetailedErrors { get; }
}
