using Microsoft.AspNetCore.Builder;

namespace Hyper.Live.Samples.Tests;

/// <summary>The benchmark pages render statically, then update over the socket.</summary>
public sealed class BenchPageTests(WebApplicationFactory<Program> app) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task The_bench_counter_is_static_in_the_dead_render_and_interactive_once_joined()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/bench/counter");
        Assert.Contains("static", page.DeadHtml, StringComparison.Ordinal);
        Assert.Equal("interactive", page.Text("#status"));

        await page.ClickAsync("#inc");

        Assert.Equal("1", page.Text("#count"));
    }

    [Fact]
    public async Task The_persisted_bench_counter_comes_back_after_a_restart_and_the_plain_one_does_not()
    {
        await using var host = await LiveTestHost.StartAsync(web => web.MapHyperLive(typeof(global::Hyper.Live.Samples.Live.Bench.PersistedCounter).Assembly));
        await using var client = host.CreateClient();
        var persisted = await client.LiveAsync("/bench/persisted-counter");
        var plain = await client.LiveAsync("/bench/counter");
        await persisted.ClickAsync("#inc");
        await persisted.ClickAsync("#inc");
        await plain.ClickAsync("#inc");

        await host.RestartAsync();
        await persisted.ReconnectAsync();
        await plain.ReconnectAsync();

        Assert.Equal("2", persisted.Text("#count"));
        Assert.Equal("0", plain.Text("#count"));
    }

    [Fact]
    public async Task Each_table_click_changes_exactly_one_of_1000_rows()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/bench/table");
        var before = page.QueryAll("td[id]").Select(td => td.TextContent).ToList();

        await page.ClickAsync("#update");

        var after = page.QueryAll("td[id]").Select(td => td.TextContent).ToList();
        Assert.Equal(1000, after.Count);
        var changed = Assert.Single(Enumerable.Range(0, 1000), i => before[i] != after[i]);
        Assert.Equal(37, changed);
        Assert.Equal("100001", after[37]);
    }

    [Theory]
    [InlineData("?rows=10000", 10000)]
    [InlineData("?rows=3", 3)]
    [InlineData("?rows=0", 1000)]
    [InlineData("?rows=100001", 1000)]
    [InlineData("?rows=abc", 1000)]
    public async Task The_table_takes_a_row_count_within_bounds(string query, int expected)
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/bench/table" + query);
        Assert.Equal(expected, page.QueryAll("td[id]").Count);

        await page.ClickAsync("#update");

        Assert.Equal("100001", page.Text($"#v-{37 % expected}"));
    }
}
