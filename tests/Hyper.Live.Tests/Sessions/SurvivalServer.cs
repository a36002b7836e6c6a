using System.Collections.Concurrent;
using Hyper.Live.Diagnostics;
using Hyper.Live.Tests.Protocol;
using Hyper.Live.Tests.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hyper.Live.Tests.Sessions;

/// <summary>A Kestrel app with the survival views, header authentication and its Warning lines recorded.</summary>
internal sealed record SurvivalServer(WebApplication App, Uri BaseAddress, SurvivalProbe Probe, ConcurrentQueue<string> Warnings) : IAsyncDisposable
{
    public IPubSub PubSub => App.Services.GetRequiredService<IPubSub>();

    public ISessionStore Store => App.Services.GetRequiredService<ISessionStore>();

    public HyperLiveMetrics Metrics => App.Services.GetRequiredService<HyperLiveMetrics>();

    public static async Task<SurvivalServer> StartAsync(Action<HyperLiveOptions>? configure = null)
    {
        var warnings = new ConcurrentQueue<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddProvider(new WarningRecorder(warnings));
        builder.Services.AddSingleton<SurvivalProbe>();
        builder.Services.AddAuthentication(HeaderAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, null);
        builder.Services.AddHyperLive(configure);
        var app = builder.Build();
        app.UseAuthentication();
        app.MapHyperLive(typeof(SurvivalServer).Assembly);
        app.MapLive<SurvivorView>("/survivor");
        app.MapLive<OtherSurvivorView>("/other-survivor");
        app.MapLive<PersistentView>("/persistent");
        await app.StartAsync();
        return new SurvivalServer(app, new Uri(app.Urls.First()), app.Services.GetRequiredService<SurvivalProbe>(), warnings);
    }

    /// <summary>Waits up to 10 s for <paramref name="condition"/>.</summary>
    public static async Task EventuallyAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 20)
        {
            Assert.True(waited < 10_000, "timed out");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private sealed class WarningRecorder(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue($"{logLevel}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception.GetType().Name)}");
            }
        }

        public void Dispose()
        {
        }
    }
}
