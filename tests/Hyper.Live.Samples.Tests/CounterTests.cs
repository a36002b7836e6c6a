using Hyper.Live.Samples.Live;

namespace Hyper.Live.Samples.Tests;

public sealed class CounterTests(WebApplicationFactory<Program> app) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task The_dead_render_shows_zero_and_the_buttons_count()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/counter");
        Assert.Contains("Count: 0", page.DeadHtml, StringComparison.Ordinal);

        await page.ClickAsync("increment");
        await page.ClickAsync("increment");
        await page.ClickAsync("button:contains('−')");

        Assert.Equal("Count: 1", page.Text("h2"));
        await page.ClickAsync("reset");
        Assert.Equal("Count: 0", page.Text("h2"));
        Assert.IsType<Counter>(page.View);
    }

    [Fact]
    public async Task The_root_lists_every_sample_and_each_one_renders()
    {
        using var http = app.CreateClient();

        var index = await http.GetStringAsync("/");

        string[] samples = ["/counter", "/todos", "/search", "/signup", "/chat/lobby", "/dashboard", "/users?page=1", "/commands", "/links", "/bench/counter", "/bench/table"];
        foreach (var sample in samples)
        {
            Assert.Contains($"href=\"{sample}\"", index, StringComparison.Ordinal);
            await using var client = app.CreateLiveClient();
            Assert.True((await client.LiveAsync(sample)).IsConnected, sample);
        }
    }

    [Fact]
    public async Task A_reconnect_keeps_the_count()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/counter");
        await page.ClickAsync("increment");
        await page.ClickAsync("increment");
        var view = page.View;

        await page.ReconnectAsync();

        Assert.Equal("Count: 2", page.Text("h2"));
        Assert.Same(view, page.View);
        Assert.Equal(2, page.Mounts);
    }
}
