using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Hyper.Live.BrowserTests;

/// <summary>
/// One samples app on a real Kestrel socket (127.0.0.1, a free port) and one headless
/// Chromium, shared by every test of the "Browser" collection; each test opens its own
/// <see cref="IBrowserContext"/> (fresh cookies, storage and pages).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; Playwright's own browser download is impossible here.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("HYPER_LIVE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private SamplesApp? app;
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser => browser ?? throw new InvalidOperationException("fixture not initialised");

    /// <summary>Warnings and errors the server logged (category: message), in order.</summary>
    public ConcurrentQueue<string> ServerLog { get; } = new();

    private readonly ConcurrentDictionary<HttpContext, byte> sockets = new();

    /// <summary>
    /// Aborts every open socket request on the server (the TCP connection is reset, no close
    /// frame): to the browser this is a network drop (close code 1006), the case the Phoenix
    /// client must recover from by reconnecting and rejoining. Returns how many were dropped.
    /// </summary>
    public int DropAllSockets()
    {
        var dropped = 0;
        foreach (var context in sockets.Keys)
        {
            context.Abort();
            dropped++;
        }

        return dropped;
    }

    public async Task InitializeAsync()
    {
        app = new SamplesApp(ServerLog, sockets);
        // A real Kestrel listener: the browser needs a socket, TestServer has none.
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseUrl = addresses.Single().TrimEnd('/');

        // The first join pays the server's JIT; on a busy 2-core CI machine 5 s is tight.
        Assertions.SetDefaultExpectTimeout(10_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh context (cookies, storage) for one test; dispose it at the end of the test.</summary>
    public Task<IBrowserContext> NewContextAsync(bool javaScriptEnabled = true) =>
        Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, JavaScriptEnabled = javaScriptEnabled });

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>The samples app's real <c>Program</c>, with the server's log captured instead of printed.</summary>
    /// <remarks>It also tracks the socket requests (<c>/live/websocket</c>) so a test can drop them.</remarks>
    private sealed class SamplesApp(ConcurrentQueue<string> log, ConcurrentDictionary<HttpContext, byte> sockets) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.ConfigureLogging(logging =>
            {
                logging.ClearProviders();
                logging.SetMinimumLevel(LogLevel.Warning);
                logging.AddProvider(new QueueLoggerProvider(log));
            });
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new SocketTracker(sockets)));
        }
    }

    private sealed class SocketTracker(ConcurrentDictionary<HttpContext, byte> sockets) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (!context.Request.Path.StartsWithSegments("/live/websocket", StringComparison.Ordinal))
                {
                    await nextMiddleware(context);
                    return;
                }

                sockets.TryAdd(context, 0);
                try
                {
                    await nextMiddleware(context);
                }
                finally
                {
                    sockets.TryRemove(context, out _);
                }
            });
            next(app);
        };
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(categoryName, log);

        public void Dispose()
        {
        }
    }

    private sealed class QueueLogger(string category, ConcurrentQueue<string> log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
