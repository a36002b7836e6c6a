using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Hyper.Live.Diagnostics;
using Hyper.Live.Routing;
using Hyper.Live.Security;
using Hyper.Live.Transports;
using Hyper.Live.PubSub;
using Hyper.Live;
using Hyper.Live.RateLimiting;
using Hyper.Live.Sessions;
using Hyper.Live.Persistence;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Hyper.Live's services.</summary>
public static class HyperLiveServiceCollectionExtensions
{
    /// <summary>Adds Hyper.Live (and Data Protection, which signs its tokens).</summary>
    public static IServiceCollection AddHyperLive(this IServiceCollection services, Action<HyperLiveOptions>? configure = null)
    {
        services.AddDataProtection();
        services.AddMetrics();
        var options = services.AddOptions<HyperLiveOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<LiveRoutes>();
        services.TryAddSingleton<LiveTokens>();
        services.TryAddSingleton<RouteAuthorization>();
        services.TryAddSingleton<JoinAuthorizer>();
        services.TryAddSingleton(new ClientVersion(Hyper.Live.Hosting.ClientScript.Shared.Url));
        services.TryAddSingleton<CsrfTokens>();
        services.TryAddSingleton<HyperLiveMetrics>();
        services.TryAddSingleton<IdleSweeper>();
        services.TryAddSingleton<LongPollRegistry>();
        services.TryAddSingleton<OriginPolicy>();
        services.TryAddSingleton<SessionRegistry>();
        services.TryAddSingleton<ILiveSessions, SessionBroadcaster>();
        services.TryAddSingleton(provider =>
            provider.GetRequiredService<IOptions<HyperLiveOptions>>().Value.SessionStore?.Invoke(provider)
            ?? new InMemorySessionStore(provider.GetRequiredService<IOptions<HyperLiveOptions>>()));
        if (!services.Any(d => d.ServiceType == typeof(SessionSnapshots)))
        {
            services.AddSingleton<SessionSnapshots>();
            // Stopping the host writes the snapshots still waiting.
            services.AddHostedService(provider => provider.GetRequiredService<SessionSnapshots>());
        }

        services.TryAddSingleton<LiveHost>();
        services.TryAddSingleton<RateLimits>();
        services.TryAddSingleton<IPubSub, InMemoryPubSub>();
        return services;
    }
}
