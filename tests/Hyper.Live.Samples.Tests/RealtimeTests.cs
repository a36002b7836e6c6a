namespace Hyper.Live.Samples.Tests;

/// <summary>Chat (pub/sub), dashboard (timers) and users (live patches), without a browser.</summary>
public sealed class RealtimeTests(WebApplicationFactory<Program> app) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Two_people_in_a_chat_room_see_each_others_messages_and_departures()
    {
        var room = "/chat/room-" + Guid.NewGuid().ToString("N")[..8];
        await using var annClient = app.CreateLiveClient();
        await using var bobClient = app.CreateLiveClient();
        var ann = await annClient.LiveAsync(room + "?name=ann");
        var bob = await bobClient.LiveAsync(room + "?name=bob");
        await ann.WaitForAsync(p => p.Has("li.system", "bob joined"));

        await ann.SubmitAsync("#chat-form", new { message = "hello bob" });

        await bob.WaitForAsync(p => p.Has("li.message", "ann: hello bob"));
        // Ann's own message comes back to her by pub/sub too, as a push of its own that may land after Bob's.
        await ann.WaitForAsync(p => p.Has("li.message"));
        Assert.Equal("ann: hello bob", ann.Text("li.message .text"));
        Assert.StartsWith("#room-", ann.Title, StringComparison.Ordinal);

        await bob.DisposeAsync();
        await ann.WaitForAsync(p => p.Has("li.system", "bob left"));
    }

    [Fact]
    public async Task The_dashboard_clock_ticks_and_the_refresh_can_be_stopped()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/dashboard");
        var first = page.Text("#clock");

        await page.WaitForAsync(p => p.Text("#clock") != first, TimeSpan.FromSeconds(5));

        await page.ClickAsync("#stop");
        Assert.Equal("Refresh stopped", page.Text("#refresh-state"));
        Assert.Equal("Dashboard · Hyper.Live", page.Title);
    }

    [Fact]
    public async Task Users_pages_through_live_patches_from_links_and_the_server()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/users?page=1");
        Assert.Equal(10, page.QueryAll("#users li").Count);
        Assert.False(page.Has("#previous"));

        await page.ClickAsync("#next");
        Assert.Equal("/users?page=2", page.Url.PathAndQuery);
        Assert.Equal("User 011", page.Text("#users li:first-child"));
        Assert.Equal("Users · page 2 · Hyper.Live", page.Title);  // the layout's suffix survives the live title change

        await page.ClickAsync("#next-button");
        Assert.Equal("/users?page=3", page.Url.PathAndQuery);
        Assert.Equal("Page 3 of 10", page.Text("#page"));

        await page.PatchAsync("/users?page=10");
        Assert.Equal(5, page.QueryAll("#users li").Count);
        Assert.False(page.Has("#next"));
    }
}
