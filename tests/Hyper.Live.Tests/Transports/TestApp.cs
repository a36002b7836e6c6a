using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hyper.Live.Tests.Transports;

/// <summary>A Kestrel app of its own on 127.0.0.1, for tests that need options of their own; stopped on dispose.</summary>
internal sealed record TestApp(WebApplication App, Uri BaseAddress) : IAsyncDisposable
{
    /// <summary>Starts an app with <paramref name="configure"/>'d options and the live routes <paramref name="map"/> adds.</summary>
    public static async Task<TestApp> StartAsync(Action<HyperLiveOptions>? configure, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddHyperLive(configure);
        var app = builder.Build();
        app.MapHyperLive(typeof(TestApp).Assembly);
        map(app);
        await app.StartAsync();
        return new TestApp(app, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
