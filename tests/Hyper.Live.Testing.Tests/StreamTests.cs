using Microsoft.AspNetCore.Builder;

namespace Hyper.Live.Testing.Tests;

/// <summary>A <see cref="LiveStream{T}"/> through the real server and the client model: what the page shows after each operation.</summary>
public sealed class StreamTests : IAsyncLifetime
{
    private LiveTestHost host = null!;
    private LiveClient client = null!;

    public async Task InitializeAsync()
    {
        host = await LiveTestHost.StartAsync(app =>
        {
            app.MapHyperLive();
            app.MapLive<FeedView>("/feed");
        });
        client = host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await client.DisposeAsync();
        await host.DisposeAsync();
    }

    private static string[] Posts(LivePage page) => [.. page.QueryAll("#posts > li").Select(li => $"{li.Id}:{li.TextContent}")];

    [Fact]
    public async Task Inserts_append_prepend_and_go_to_an_index_while_the_view_keeps_nothing()
    {
        var page = await client.LiveAsync("/feed");
        Assert.Equal(["posts-1:first", "posts-2:second"], Posts(page));
        Assert.Contains("""<li id="posts-1">first</li>""", page.DeadHtml, StringComparison.Ordinal);

        await page.ClickAsync("add", new { text = "third" });
        await page.ClickAsync("add_top", new { text = "zeroth" });
        await page.ClickAsync("add_at", new { text = "between", at = 2 });

        Assert.Equal(["posts-4:zeroth", "posts-1:first", "posts-5:between", "posts-2:second", "posts-3:third"], Posts(page));
        Assert.Equal(0, page.State<FeedView>().Posts.PendingCount);
    }

    [Fact]
    public async Task Re_inserting_an_id_updates_it_in_place_and_update_never_adds()
    {
        var page = await client.LiveAsync("/feed");

        await page.ClickAsync("edit", new { id = 1, text = "FIRST" });
        await page.ClickAsync("touch", new { id = 2, text = "SECOND" });
        await page.ClickAsync("touch", new { id = 9, text = "nine" });

        Assert.Equal(["posts-1:FIRST", "posts-2:SECOND"], Posts(page));
    }

    [Fact]
    public async Task Delete_and_reset_remove_items_from_the_page()
    {
        var page = await client.LiveAsync("/feed");

        await page.ClickAsync("remove", new { id = 1 });
        Assert.Equal(["posts-2:second"], Posts(page));

        await page.ClickAsync("add", new { text = "third" });
        await page.ClickAsync("restart");
        Assert.Equal(["posts-4:fresh"], Posts(page));
    }

    [Fact]
    public async Task A_negative_limit_keeps_the_last_items_and_a_positive_one_the_first()
    {
        var page = await client.LiveAsync("/feed");

        await page.ClickAsync("add_limited", new { text = "third", limit = -2 });
        Assert.Equal(["posts-2:second", "posts-3:third"], Posts(page));

        await page.ClickAsync("add_top", new { text = "top", limit = 2 });
        Assert.Equal(["posts-4:top", "posts-2:second"], Posts(page));
    }

    [Fact]
    public async Task A_reconnect_empties_the_stream_as_the_browser_does_and_shows_what_OnReattach_inserts()
    {
        var page = await client.LiveAsync("/feed");
        await page.ClickAsync("add", new { text = "third" });

        await page.ReconnectAsync();

        Assert.Equal(["posts-4:again"], Posts(page));
    }
}
