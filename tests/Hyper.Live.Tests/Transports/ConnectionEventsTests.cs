using System.Collections.Concurrent;
using System.Net.WebSockets;
using Hyper.Live.Tests.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hyper.Live.Tests.Transports;

/// <summary>
/// Connection events per socket (<see cref="HyperLiveOptions.OnSocketConnected"/>, <see cref="HyperLiveOptions.OnSocketDisconnected"/>)
/// and the logging scope with the socket's id and its sessions' ids.
/// </summary>
public sealed class ConnectionEventsTests
{
    private sealed class Events
    {
        public ConcurrentQueue<LiveConnection> Connected { get; } = new();

        public TaskCompletionSource<LiveConnection> Disconnected { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private static async Task<(TestApp App, Events Events)> StartAsync(Action<HyperLiveOptions>? more = null)
    {
        var events = new Events();
        var app = await TestApp.StartAsync(
            options =>
            {
                options.OnSocketConnected = events.Connected.Enqueue;
                options.OnSocketDisconnected = connection => events.Disconnected.TrySetResult(connection);
                more?.Invoke(options);
            },
            web => web.MapLive<CounterView>("/counter"));
        return (app, events);
    }

    [Fact]
    public async Task A_socket_reports_its_connect_and_its_disconnect_with_the_views_joined_over_it()
    {
        string? sessionId = null;
        var (app, events) = await StartAsync(options => options.OnSessionStart = view => sessionId = view.SessionId);
        await using var _ = app;
        var client = await PhoenixTestClient.ConnectAsync(app.BaseAddress, "/counter");
        await client.ReplyToAsync(await client.JoinAsync());

        var connected = Assert.Single(events.Connected);
        Assert.StartsWith("socket-", connected.Id, StringComparison.Ordinal);
        Assert.NotNull(sessionId);
        Assert.Equal([sessionId], connected.SessionIds);
        Assert.NotNull(connected.RemoteIpAddress);

        await client.DisposeAsync();   // closes with 1000
        var disconnected = await events.Disconnected.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Same(connected, disconnected);
        Assert.Equal([sessionId], disconnected.SessionIds);
        Assert.Equal(1000, disconnected.CloseStatus);
        Assert.True(disconnected.ClosedByClient);
        Assert.Null(disconnected.Error);
    }

    [Fact]
    public async Task A_socket_closed_for_a_malformed_frame_reports_the_error()
    {
        var (app, events) = await StartAsync();
        await using var _ = app;
        await using var client = await PhoenixTestClient.ConnectAsync(app.BaseAddress, "/counter");

        await client.SendTextAsync("not a frame");
        var disconnected = await events.Disconnected.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((int)WebSocketCloseStatus.InvalidPayloadData, disconnected.CloseStatus);
        Assert.Equal("malformed frame", disconnected.Error);
        Assert.False(disconnected.ClosedByClient);
    }

    [Fact]
    public async Task A_handler_that_throws_does_not_take_the_socket_down()
    {
        var (app, events) = await StartAsync(options => options.OnSocketConnected = _ => throw new InvalidOperationException("app bug"));
        await using var _ = app;
        await using var client = await PhoenixTestClient.ConnectAsync(app.BaseAddress, "/counter");

        var reply = await client.ReplyToAsync(await client.JoinAsync());

        Assert.Equal("ok", (string?)reply["status"]);
    }

    [Fact]
    public async Task Lines_logged_for_a_socket_carry_its_id_and_its_session_ids()
    {
        string? sessionId = null;
        var (app, events) = await StartAsync(options => options.OnSessionStart = view => sessionId = view.SessionId);
        await using var _ = app;
        var scopes = new ScopeRecorder();
        app.App.Services.GetRequiredService<ILoggerFactory>().AddProvider(scopes);
        await using var client = await PhoenixTestClient.ConnectAsync(app.BaseAddress, "/counter");
        await client.ReplyToAsync(await client.JoinAsync());

        await client.SendTextAsync("not a frame");
        var disconnected = await events.Disconnected.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var warning = Assert.Single(scopes.Lines, line => line.Message.StartsWith("Malformed frame", StringComparison.Ordinal));
        Assert.Equal(disconnected.Id, warning.Scope["SocketId"]);
        Assert.Equal(sessionId, warning.Scope["SessionIds"]);
    }

    /// <summary>A logger provider that keeps each line's message with the values of its scopes.</summary>
    private sealed class ScopeRecorder : ILoggerProvider, ISupportExternalScope, ILogger
    {
        private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<(string Message, Dictionary<string, object?> Scope)> LinesQueue { get; } = new();

        public IEnumerable<(string Message, Dictionary<string, object?> Scope)> Lines => LinesQueue;

        public ILogger CreateLogger(string categoryName) => this;

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            scopes.ForEachScope(
                (scope, into) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, value) in pairs)
                        {
                            into[key] = value;
                        }
                    }
                },
                values);
            LinesQueue.Enqueue((formatter(state, exception), values));
        }

        public void Dispose()
        {
        }
    }
}
