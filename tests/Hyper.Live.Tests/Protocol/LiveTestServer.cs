using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hyper.Live.Tests.Protocol;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with the test views, started once per test class. In
/// Development (error replies name types and close handler names) unless a subclass says otherwise.
/// </summary>
public class LiveTestServer : IAsyncLifetime
{
    private WebApplication? app;

    public Uri BaseAddress { get; private set; } = null!;

    public List<string> Logs { get; } = [];

    public Realtime.Probe Probe { get; private set; } = null!;

    public IServiceProvider Services => app!.Services;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = EnvironmentName });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddProvider(new ListLoggerProvider(Logs));
        builder.Services.AddSingleton<Realtime.Probe>();
        builder.Services.AddHyperLive(options =>
        {
            options.MaxMessageSize = 8 * 1024;
            // These tests check that a socket's end leaves nothing behind at once; kept sessions have tests of their own (Sessions/ReattachTests).
            options.DisconnectedSessionRetention = TimeSpan.Zero;
            options.OnSessionStart = view => Probe.Record("start:" + view.GetType().Name);
            options.OnSessionEnd = view => Probe.Record("end:" + view.GetType().Name);
            Configure(options);
        });
        app = builder.Build();
        app.MapHyperLive(typeof(LiveTestServer).Assembly);
        app.MapLive<CounterView>("/counter");
        app.MapLive<RoomView>("/rooms/{room}");
        app.MapLive<BrokenMountView>("/broken");
        app.MapLive<Realtime.TimerView>("/timers");
        app.MapLive<Realtime.NavView>("/nav");
        app.MapLive<ResourceView>("/resources");
        Probe = app.Services.GetRequiredService<Realtime.Probe>();
        await app.StartAsync();
        BaseAddress = new Uri(app.Urls.First());
    }

    /// <summary>The host environment: Development here.</summary>
    protected virtual string EnvironmentName => Environments.Development;

    /// <summary>Changes the options after the defaults of every test server.</summary>
    protected virtual void Configure(HyperLiveOptions options)
    {
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    internal sealed class ListLoggerProvider(List<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(logs);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(List<string> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (logs)
            {
                logs.Add($"{logLevel}: {formatter(state, exception)}");
            }
        }
    }
}
