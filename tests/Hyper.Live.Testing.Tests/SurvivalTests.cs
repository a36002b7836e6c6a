using Hyper.Live.Testing;
using Microsoft.AspNetCore.Builder;

namespace Hyper.Live.Testing.Tests;

/// <summary>What survives with the test client's <c>DisconnectAsync</c>/<c>ReconnectAsync</c> and <c>LiveTestHost.RestartAsync</c>.</summary>
public sealed class SurvivalTests
{
    /// <summary>A counter whose count persists and whose ticks keep coming while nobody watches.</summary>
    public sealed class SavedCounter : LiveView
    {
        [Persist]
        private int count;

        private int ticks;

        public void Increment() => count++;

        [ClientEvent]
        public void Tick() => SendAfter("tick", TimeSpan.FromMilliseconds(50));

        protected override void HandleInfo(object message) => ticks++;

        public override Html Render() => $"<h2>Count: {count}</h2><p id=\"ticks\">{ticks}</p><button @click=\"increment\">+</button>";
    }

    private static Task<LiveTestHost> StartAsync() => LiveTestHost.StartAsync(app =>
    {
        app.MapHyperLive(typeof(SavedCounter).Assembly);
        app.MapLive<SavedCounter>("/saved");
    });

    [Fact]
    public async Task A_view_keeps_handling_messages_while_disconnected_and_the_reconnect_shows_them()
    {
        await using var host = await StartAsync();
        await using var client = host.CreateClient();
        var page = await client.LiveAsync("/saved");
        await page.ClickAsync("increment");
        await page.PushHookAsync("tick", new { });

        await page.DisconnectAsync();
        await Task.Delay(300); // the tick fires while no socket is there
        Assert.Equal("0", page.Text("#ticks")); // nothing reached the page meanwhile
        await page.ReconnectAsync();

        Assert.Equal("1", page.Text("#ticks"));
        Assert.Equal("Count: 1", page.Text("h2"));
    }

    [Fact]
    public async Task After_a_graceful_restart_the_persisted_count_is_restored()
    {
        await using var host = await StartAsync();
        await using var client = host.CreateClient();
        var page = await client.LiveAsync("/saved");
        for (var i = 0; i < 3; i++)
        {
            await page.ClickAsync("increment");
        }

        var before = page.View;

        await host.RestartAsync();
        await page.ReconnectAsync();

        Assert.Equal("Count: 3", page.Text("h2"));
        Assert.NotSame(before, page.View); // a new server, a new instance: restored, not re-attached
        await page.ClickAsync("increment");
        Assert.Equal("Count: 4", page.Text("h2"));
    }
}
