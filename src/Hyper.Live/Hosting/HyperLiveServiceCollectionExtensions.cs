using Hyper.Live.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Hyper.Live's services.</summary>
public static class HyperLiveServiceCollectionExtensions
{
    /// <summary>Adds Hyper.Live (and Data Protection, which signs its tokens).</summary>
    public static IServiceCollection AddHyperLive(this IServiceCollection services, Action<HyperLiveOptions>? configure = null)
    {
        services.AddDataProtection();
        var options = services.AddOptions<HyperLiveOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<LiveRoutes>();
        services.TryAddSingleton<LiveTokens>();
        services.TryAddSingleton<CsrfTokens>();
        services.TryAddSingleton<LiveHost>();
        services.TryAddSingleton<Hyper.Live.PubSub.IPubSub, Hyper.Live.PubSub.InMemoryPubSub>();
        return services;
    }
}
