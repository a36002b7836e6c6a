using Hyper.Live.Sqlite;
using Hyper.Live.Tests.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hyper.Live.Tests.Sessions;

/// <summary>The SQLite session store: the <see cref="ISessionStore"/> contract with expiry, and state surviving a restart.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("hyper-live-sqlite-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task Sets_gets_touches_deletes_and_expires_idle_entries()
    {
        var clock = new ManualClock();
        var store = new SqliteSessionStore(Path.Combine(folder, "nested", "store.db"), TimeSpan.FromMinutes(30), clock);
        await store.SetAsync("a", [1, 2, 3], CancellationToken.None);
        await store.SetAsync("b", [4], CancellationToken.None);
        await store.SetAsync("a", [5], CancellationToken.None);

        Assert.Equal([5], await store.GetAsync("a", CancellationToken.None));
        Assert.Null(await store.GetAsync("missing", CancellationToken.None));

        clock.Now += TimeSpan.FromMinutes(20);
        await store.TouchAsync("a", CancellationToken.None);
        clock.Now += TimeSpan.FromMinutes(20);
        Assert.Equal([5], await store.GetAsync("a", CancellationToken.None)); // touched 20 min ago
        Assert.Null(await store.GetAsync("b", CancellationToken.None));      // idle for 40 min

        await store.DeleteAsync("a", CancellationToken.None);
        Assert.Null(await store.GetAsync("a", CancellationToken.None));

        clock.Now += TimeSpan.FromMinutes(2);
        await store.SetAsync("c", [6], CancellationToken.None); // sweeps what expired
        Assert.Equal(1, await store.CountAsync());
    }

    [Fact]
    public async Task The_store_outlives_its_process_state_a_second_instance_reads_the_file()
    {
        var path = Path.Combine(folder, "shared.db");
        await new SqliteSessionStore(path, TimeSpan.FromMinutes(30)).SetAsync("k", [9], CancellationToken.None);

        Assert.Equal([9], await new SqliteSessionStore(path, TimeSpan.FromMinutes(30)).GetAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task After_a_graceful_restart_a_rejoin_restores_the_persisted_members_from_the_file()
    {
        var first = await StartAsync();
        var client = await PhoenixTestClient.ConnectAsync(first.BaseAddress, "/persistent");
        var joinRef = await client.JoinAsync();
        await client.ReplyToAsync(joinRef);
        foreach (var answer in new[] { "a", "b" })
        {
            await client.ReplyToAsync(await client.PushAsync(joinRef, client.Topic, "event", new { type = "click", @event = "next", value = new { value = answer } }));
        }

        await first.DisposeAsync(); // graceful: the host's stopping writes what waits
        client.Drop();
        await using var second = await StartAsync();
        await using var rejoin = await PhoenixTestClient.ReopenAsync(second.BaseAddress, client.Page);
        var reply = await rejoin.ReplyToAsync(await rejoin.JoinAsync(mounts: 1));

        Assert.Equal("ok", (string?)reply["status"]);
        Assert.Equal("3", (string?)reply["response"]!["rendered"]!["0"]);
        Assert.Equal("a,b", (string?)reply["response"]!["rendered"]!["1"]);
    }

    /// <summary>An app with the SQLite store and a key ring in the test's folder, as a deployed app keeps both on disk.</summary>
    private async Task<SurvivalApp> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = folder });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<SurvivalProbe>();
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(folder, "keys")));
        builder.Services.AddHyperLive(options => options.UseSqliteSessionStore());
        var app = builder.Build();
        app.MapHyperLive(typeof(SqliteStoreTests).Assembly);
        app.MapLive<PersistentView>("/persistent");
        await app.StartAsync();
        Assert.IsType<SqliteSessionStore>(app.Services.GetRequiredService<ISessionStore>());
        Assert.True(File.Exists(Path.Combine(folder, SqliteSessionStoreExtensions.DefaultFileName)));
        return new SurvivalApp(app, new Uri(app.Urls.First()));
    }

    private sealed record SurvivalApp(WebApplication App, Uri BaseAddress) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
