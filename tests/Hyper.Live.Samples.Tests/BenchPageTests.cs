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
