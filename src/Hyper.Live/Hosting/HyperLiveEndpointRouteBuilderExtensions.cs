using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Hyper.Live;
using Hyper.Live.Hosting;
using Hyper.Live.RateLimiting;
using Hyper.Live.Routing;
using Hyper.Live.Transports;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps Hyper.Live's endpoints and live routes.</summary>
public static class HyperLiveEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the client script, the socket at <c>/live/websocket</c> (and its long-poll fallback at
    /// <c>/live/longpoll</c>), and a route for every
    /// <see cref="LiveView"/> in a <c>*.Live</c> namespace of <paramref name="assemblies"/>
    /// (when none is given, the assembly whose code calls this method — the app's, also under
    /// <c>WebApplicationFactory</c>, whose entry assembly is the test host): <c>Live/TodoList.cs</c> → <c>/todo-list</c>.
    /// </summary>
    /// <returns>A builder for conventions (authorization, …) applied to the live routes.</returns>
    // Not inlined: GetCallingAssembly must see the caller's frame, not the frame of a method this was inlined into.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static IEndpointConventionBuilder MapHyperLive(this IEndpointRouteBuilder endpoints, params Assembly[] assemblies)
    {
        var caller = Assembly.GetCallingAssembly();
        ArgumentNullException.ThrowIfNull(endpoints);

        // Made now so a limit in HyperLiveOptions that does not parse fails at startup, not at the first socket.
        endpoints.ServiceProvider.GetRequiredService<RateLimits>();
        endpoints.MapClientScript();
        // No WebSocket-level keep-alive: the Phoenix client's heartbeat (every 30 s) and the
        // server's IdleSweeper already find dead peers, and the keep-alive costs every socket a timer.
        var socket = endpoints.CreateApplicationBuilder().Use(CloseFrameStream.InstallAsync).UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        socket.Run(WebSocketEndpoint.HandleAsync);
        endpoints.Map(WebSocketEndpoint.Path, socket.Build()).WithDisplayName("Hyper.Live socket");
        // The same socket over plain HTTP, for clients whose WebSocket cannot open (a proxy, an old browser).
        endpoints.MapMethods(LongPollEndpoint.Path, [HttpMethods.Get, HttpMethods.Post], LongPollEndpoint.HandleAsync).WithDisplayName("Hyper.Live long-poll");
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<HyperLiveOptions>>().Value.DiagnosticsPath is { Length: > 0 } diagnostics)
        {
            endpoints.MapDiagnostics(diagnostics);
        }

        var scanned = assemblies.Length > 0 ? assemblies : [caller];
        var routes = new RouteBuilders();
        foreach (var (pattern, viewType) in scanned.SelectMany(LiveRoutes.Conventional))
        {
            routes.Add(MapLive(endpoints, pattern, viewType));
        }

        return routes;
    }

    /// <summary>Serves <typeparamref name="TView"/> at <paramref name="pattern"/>; route values reach its params.</summary>
    public static IEndpointConventionBuilder MapLive<TView>(this IEndpointRouteBuilder endpoints, string pattern)
        where TView : LiveView => MapLive(endpoints, pattern, typeof(TView));

    private static IEndpointConventionBuilder MapLive(IEndpointRouteBuilder endpoints, string pattern, Type viewType)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var route = endpoints.ServiceProvider.GetRequiredService<LiveRoutes>().Add(pattern, viewType);
        // The view class's [Authorize]/[AllowAnonymous] join the endpoint's metadata: the authorization
        // middleware then honours them on the HTTP render, and RouteAuthorization on every join.
        var authorization = viewType.GetCustomAttributes(inherit: true).Where(a => a is IAuthorizeData or IAllowAnonymous).ToArray();
        // A POST is a click or submit from a page without JavaScript (HyperLiveOptions.NoScriptFallback).
        var methods = endpoints.ServiceProvider.GetRequiredService<IOptions<HyperLiveOptions>>().Value.NoScriptFallback
            ? new[] { HttpMethods.Get, HttpMethods.Post }
            : [HttpMethods.Get];
        return endpoints.MapMethods(pattern, methods, context => HttpMethods.IsPost(context.Request.Method)
                ? NoScriptEndpoint.HandleAsync(context, route)
                : StaticRenderer.RenderAsync(context, route))
            .WithMetadata(route)
            .WithMetadata(authorization)
            .WithDisplayName($"Live {viewType.Name}");
    }

    /// <summary>Applies conventions to every conventional live route at once.</summary>
    private sealed class RouteBuilders : List<IEndpointConventionBuilder>, IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            foreach (var builder in this)
            {
                builder.Add(convention);
            }
        }
    }
}
