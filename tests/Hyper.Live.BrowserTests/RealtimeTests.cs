using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>Pub/sub, timers and live navigation in a real Chromium (issue 5's samples).</summary>
[Collection(BrowserCollection.Name)]
public sealed class RealtimeTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Two_browsers_in_the_same_chat_room_see_each_others_messages()
    {
        var room = "room-" + Guid.NewGuid().ToString("N")[..8];
        await using var annContext = await fixture.NewContextAsync();
        await using var bobContext = await fixture.NewContextAsync();
        var ann = await annContext.NewPageAsync();
        var bob = await bobContext.NewPageAsync();
        await ann.GotoAsync($"/chat/{room}?name=ann");
        await Live.WaitConnectedAsync(ann);
        await bob.GotoAsync($"/chat/{room}?name=bob");
        await Live.WaitConnectedAsync(bob);

        await Expect(ann.Locator("#messages")).ToContainTextAsync("bob joined");
        await ann.Locator("input[name=message]").FillAsync("hello bob");
        await ann.Locator("input[name=message]").PressAsync("Enter");

        await Expect(bob.Locator("#messages li.message .text")).ToHaveTextAsync("ann: hello bob");
        await Expect(ann.Locator("#messages li.message .text")).ToHaveTextAsync("ann: hello bob");
        await Expect(ann).ToHaveTitleAsync("#" + room + " · Hyper.Live");

        // Bob leaves the page (its pagehide closes the socket on purpose): a socket that merely drops, as when
        // Playwright tears a page down, is kept for a reconnect, and bob would leave only after the retention.
        await bob.GotoAsync("about:blank");
        await bob.CloseAsync();
        await Expect(ann.Locator("#messages")).ToContainTextAsync("bob left");
    }

    [Fact]
    public async Task Dashboard_clock_advances_and_the_refresh_timer_can_be_cancelled()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/dashboard");
        await Live.WaitConnectedAsync(page);

        var first = await page.Locator("#clock").TextContentAsync();
        await Expect(page.Locator("#clock")).Not.ToHaveTextAsync(first!, new() { Timeout = 5000 });

        await page.Locator("#stop").ClickAsync();
        await Expect(page.Locator("#refresh-state")).ToHaveTextAsync("Refresh stopped");
        var refreshes = await page.Locator("#refreshes").TextContentAsync();
        var tick = await page.Locator("#clock").TextContentAsync();
        await Expect(page.Locator("#clock")).Not.ToHaveTextAsync(tick!, new() { Timeout = 5000 });
        await Expect(page.Locator("#refreshes")).ToHaveTextAsync(refreshes!);
    }

    [Fact]
    public async Task Pagination_patches_the_url_and_back_and_forward_restore_the_page()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/users?page=1");
        await Live.WaitConnectedAsync(page);
        var joins = 0;
        page.WebSocket += (_, socket) => socket.FrameSent += (_, frame) => joins += frame.Text?.Contains("\"phx_join\"", StringComparison.Ordinal) == true ? 1 : 0;

        await page.Locator("#next").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/users\\?page=2$"));
        await Expect(page.Locator("#page")).ToHaveTextAsync("Page 2 of 10");
        await Expect(page).ToHaveTitleAsync("Users · page 2 · Hyper.Live");  // the layout's suffix survives the live title change

        await page.Locator("#next-button").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/users\\?page=3$"));
        await Expect(page.Locator("#users li").First).ToHaveTextAsync("User 021");

        await page.GoBackAsync();
        await Expect(page.Locator("#page")).ToHaveTextAsync("Page 2 of 10");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/users\\?page=2$"));
        await page.GoBackAsync();
        await Expect(page.Locator("#page")).ToHaveTextAsync("Page 1 of 10");
        await page.GoForwardAsync();
        await Expect(page.Locator("#page")).ToHaveTextAsync("Page 2 of 10");
        Assert.Equal(0, joins);
    }
}
