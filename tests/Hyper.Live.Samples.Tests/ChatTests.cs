namespace Hyper.Live.Samples.Tests;

/// <summary>The chat's form without a browser: refused input shows in the page, as it does in Chromium.</summary>
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
}
