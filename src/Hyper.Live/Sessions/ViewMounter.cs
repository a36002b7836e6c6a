using System.Security.Claims;
using Hyper.Live.Views;
using Microsoft.Extensions.DependencyInjection;

namespace Hyper.Live.Sessions;

/// <summary>
/// Creates and mounts a view, the same way for the HTTP render and for a join: services from
/// <c>services</c>, then <c>Mount</c> → <c>HandleParams</c>, and <c>OnMount</c> once connected.
/// A navigation the view asked for while mounting is left in its effects for the caller: the
/// HTTP render answers it with a redirect, the session with a navigation frame.
/// </summary>
internal static class ViewMounter
{
    /// <summary>Mounts a <paramref name="viewType"/>; connected when <paramref name="host"/> is given.</summary>
    /// <param name="services">Where the view's constructor gets its services.</param>
    /// <param name="viewType">The view to create.</param>
    /// <param name="user">The request's (or socket's) user.</param>
    /// <param name="uri">The page's URL; null when a join named none.</param>
    /// <param name="routeValues">The route values of <paramref name="uri"/>.</param>
    /// <param name="flash">The flash messages the page starts with.</param>
    /// <param name="request">What the view sees of the request behind the page.</param>
    /// <param name="host">The session, for a connected mount; null for the HTTP render.</param>
    /// <param name="sessionId">The live session's id (<see cref="LiveView.SessionId"/>).</param>
    /// <param name="restore">Runs between <c>Mount</c> and <c>HandleParams</c>: sets persisted members from a snapshot.</param>
    /// <param name="cancellationToken">Cancelled when the request or the session goes away.</param>
    /// <param name="props">An embedded view's props as JSON (<see cref="LiveView{TProps}"/>), from its token.</param>
    public static async Task<LiveView> MountAsync(
        IServiceProvider services,
        Type viewType,
        ClaimsPrincipal user,
        Uri? uri,
        Dictionary<string, string> routeValues,
        IReadOnlyDictionary<string, List<string>>? flash,
        LiveRequest request,
        ILiveViewHost? host,
        string sessionId,
        Func<LiveView, CancellationToken, Task>? restore,
        CancellationToken cancellationToken,
        string? props = null)
    {
        var view = (LiveView)ActivatorUtilities.CreateInstance(services, viewType);
        view.IsConnected = host is not null;
        view.SessionId = sessionId;
        view.Host = host;
        view.User = user;
        view.Uri = uri;
        view.Request = request;
        view.Flash.Replace(flash);
        view.ReadProps(props);
        var parameters = new LiveParams(uri ?? new Uri("http://localhost/"), routeValues);
        await view.MountAsync(parameters, cancellationToken).ConfigureAwait(false);
        if (restore is not null)
        {
            await restore(view, cancellationToken).ConfigureAwait(false);
        }

        await view.HandleParamsAsync(parameters, cancellationToken).ConfigureAwait(false);
        if (host is not null)
        {
            await view.OnMountAsync(cancellationToken).ConfigureAwait(false);
        }

        return view;
    }
}
