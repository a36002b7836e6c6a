using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Hyper.Live.Testing;

/// <summary>
/// A small app hosted in memory for testing views on their own, without the real app's
/// <c>Program</c> (for that, use <c>WebApplicationFactory&lt;Program&gt;</c> and
/// <see cref="WebApplicationFactoryExtensions.CreateLiveClient{TEntryPoint}"/>).
/// </summary>
/// <example>
/// <code>
/// await using var host = await LiveTestHost.StartAsync(app =&gt;
/// {
///     app.MapHyperLive(typeof(Counter).Assembly);
///     app.MapLive&lt;Counter&gt;("/counter");
/// });
/// await using var client = host.CreateClient();
/// </code>
/// </example>
public sealed class LiveTestHost : IAsyncDisposable
{
    private readonly Action<WebApplication> configureApp;
    private readonly Action<WebApplicationBuilder>? configureBuilder;
    private WebApplication app;

    private LiveTestHost(WebApplication app, Action<WebApplication> configureApp, Action<WebApplicationBuilder>? configureBuilder)
    {
        this.app = app;
        this.configureApp = configureApp;
        this.configureBuilder = configureBuilder;
    }

    /// <summary>The app's services, e.g. to reach a singleton the views use.</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>The in-memory server.</summary>
    public TestServer Server => app.GetTestServer();

    /// <summary>Builds and starts an app with Hyper.Live's services.</summary>
    /// <param name="configureApp">Maps the app as its Program.cs would: <c>MapHyperLive</c> (the socket and client script), then its live routes.</param>
    /// <param name="configureBuilder">Adds services or options before the app is built.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<LiveTestHost> StartAsync(Action<WebApplication> configureApp, Action<WebApplicationBuilder>? configureBuilder = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configureApp);
        return new LiveTestHost(await BuildAndStartAsync(configureApp, configureBuilder, cancellationToken).ConfigureAwait(false), configureApp, configureBuilder);
    }

    /// <summary>
    /// Stops the app gracefully (as a deploy does: the host's stopping writes pending snapshots) and starts it again
    /// from the same configuration, keeping its <see cref="ISessionStore"/> and Data Protection keys, as a server with a
    /// durable store and a persisted key ring keeps them. Clients made by <see cref="CreateClient"/> carry on: their pages
    /// are disconnected, and <see cref="LivePage.ReconnectAsync"/> rejoins the new app, which restores persisted members.
    /// </summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        var store = app.Services.GetRequiredService<ISessionStore>();
        var keys = app.Services.GetRequiredService<IDataProtectionProvider>();
        await app.StopAsync(cancellationToken).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        app = await BuildAndStartAsync(
            configureApp,
            builder =>
            {
                configureBuilder?.Invoke(builder);
                builder.Services.AddSingleton(store);
                builder.Services.AddSingleton(keys);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task<WebApplication> BuildAndStartAsync(Action<WebApplication> configureApp, Action<WebApplicationBuilder>? configureBuilder, CancellationToken cancellationToken)
    {
        // Development, as WebApplicationFactory: error replies then name the handler a test misspelt.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.Services.AddHyperLive();
        configureBuilder?.Invoke(builder);
        var app = builder.Build();
        try
        {
            configureApp(app);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return app;
    }

    /// <summary>A new browser-like client for this app.</summary>
    public LiveClient CreateClient() => new(this);

    /// <summary>Stops the app.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
