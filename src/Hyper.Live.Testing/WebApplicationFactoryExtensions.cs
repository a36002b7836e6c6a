using Microsoft.AspNetCore.Mvc.Testing;

namespace Hyper.Live.Testing;

/// <summary>Creates live clients for apps started by <see cref="WebApplicationFactory{TEntryPoint}"/>.</summary>
public static class WebApplicationFactoryExtensions
{
    /// <summary>A new browser-like client for the factory's app (starting it if needed), connected in memory.</summary>
    /// <typeparam name="TEntryPoint">The app's entry point, usually <c>Program</c>.</typeparam>
    /// <param name="factory">The factory hosting the app.</param>
    public static LiveClient CreateLiveClient<TEntryPoint>(this WebApplicationFactory<TEntryPoint> factory)
        where TEntryPoint : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new LiveClient(factory.Server);
    }
}
