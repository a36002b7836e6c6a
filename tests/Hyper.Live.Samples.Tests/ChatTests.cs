namespace Hyper.Live.Samples.Tests;

/// <summary>The chat without a browser: refused input shows in the page, as it does in Chromium; the history is a stream.</summary>
public sealed class ChatTests(WebApplicationFactory<Program> app) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task An_empty_message_is_refused_and_the_page_says_why()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/chat/room-" + Guid.NewGuid().ToString("N")[..8] + "?name=ann");

        await page.SubmitAsync("#chat-form", new { message = "  " });

        Assert.Equal("Invalid parameter 'message': Type a message first.", page.LastError?.Message);
        Assert.Equal("Type a message first.", page.Text(".hyper-input-errors"));
        Assert.False(page.Has("li.message"));

        await page.SubmitAsync("#chat-form", new { message = "hi" });
        await page.WaitForAsync(p => p.Has("li.message", "ann: hi"));
        Assert.False(page.Has(".hyper-input-errors"));
        Assert.True(page.Has("#message-1"));
    }

    [Fact]
    public async Task The_history_is_a_stream_that_keeps_the_last_messages_and_deletes_for_everyone()
    {
        var room = "/chat/room-" + Guid.NewGuid().ToString("N")[..8];
        await using var annClient = app.CreateLiveClient();
        await using var bobClient = app.CreateLiveClient();
        var ann = await annClient.LiveAsync(room + "?name=ann&keep=3");
        var bob = await bobClient.LiveAsync(room + "?name=bob");
        await ann.WaitForAsync(p => p.Has("li.system", "bob joined"));

        foreach (var text in new[] { "one", "two", "three" })
        {
            await ann.SubmitAsync("#chat-form", new { message = text });
            await ann.WaitForAsync(p => p.Has("li.message", "ann: " + text));
        }

        // Ann keeps three lines; Bob (100) sees everything since he joined.
        Assert.Equal(["ann: one", "ann: two", "ann: three"], ann.QueryAll("#messages .text").Select(li => li.TextContent));
        await bob.WaitForAsync(p => p.QueryAll("li.message").Count == 3);
        Assert.Equal(["You joined as bob", "ann: one", "ann: two", "ann: three"], bob.QueryAll("#messages .text").Select(li => li.TextContent));

        // Only the author gets a delete button; deleting removes the message from both pages.
        Assert.Equal(3, ann.QueryAll("li.message button.delete").Count);
        Assert.False(bob.Has("button.delete"));
        await ann.ClickAsync("#messages > li:nth-child(2) button.delete");
        await bob.WaitForAsync(p => !p.Has("li.message", "ann: two"));
        await ann.WaitForAsync(p => !p.Has("li.message", "ann: two"));

        // Clear resets only this page's history.
        await bob.ClickAsync("#clear");
        Assert.Empty(bob.QueryAll("#messages > li"));
        Assert.Equal(2, ann.QueryAll("li.message").Count);
    }

    [Fact]
    public async Task A_late_joiner_sees_the_rooms_last_messages_and_a_reconnect_shows_them_again()
    {
        var room = "/chat/room-" + Guid.NewGuid().ToString("N")[..8];
        await using var annClient = app.CreateLiveClient();
        var ann = await annClient.LiveAsync(room + "?name=ann");
        foreach (var text in new[] { "one", "two", "three" })
        {
            await ann.SubmitAsync("#chat-form", new { message = text });
            await ann.WaitForAsync(p => p.Has("li.message", "ann: " + text));
        }

        await ann.ClickAsync("#messages > li:nth-child(3) button.delete"); // after "You joined" and "one"
        await ann.WaitForAsync(p => !p.Has("li.message", "ann: two"));

        await using var carolClient = app.CreateLiveClient();
        var carol = await carolClient.LiveAsync(room + "?name=carol&keep=10");
        Assert.Equal(["ann: one", "ann: three"], carol.QueryAll("li.message .text").Select(li => li.TextContent));

        // A reconnect re-attaches the view; the browser empties the list on the rejoin, and the view fills it again.
        await carol.ReconnectAsync();
        Assert.Equal(["ann: one", "ann: three"], carol.QueryAll("li.message .text").Select(li => li.TextContent));
    }
}
