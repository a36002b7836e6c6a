using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hyper.Live.BrowserTests.Conformance;

/// <summary>
/// A small app on a real Kestrel socket that serves <see cref="ConformanceView"/> at
/// <c>/conformance/{scenario}</c>: the browser and Hyper.Live.Testing (over real sockets) both talk to it.
/// </summary>
public sealed class ConformanceApp : IAsyncLifetime
{
    private WebApplication? app;

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public EventRecorder Recorder { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddHyperLive();
        builder.Services.AddSingleton(Recorder);
        app = builder.Build();
        // The view's namespace is not a *.Live one: no convention routes, only this one.
        app.MapHyperLive(typeof(ConformanceView).Assembly);
        app.MapLive<ConformanceView>("/conformance/{scenario}");
        await app.StartAsync();
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
