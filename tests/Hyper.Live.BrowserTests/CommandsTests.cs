using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>Push events to hooks, server commands and flash, in a real Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CommandsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Push_event_reaches_the_hook_and_flash_is_shown_and_cleared()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/commands");
        await Live.WaitConnectedAsync(page);

        await page.Locator("#save").ClickAsync();
        await Expect(page.Locator("#hook-saw")).ToHaveTextAsync("saved 1");
        await Expect(page.Locator(".flash-success")).ToContainTextAsync("Saved 1 time(s)");

        await page.Locator("#ping").ClickAsync();
        await Expect(page.Locator("#pong")).ToHaveTextAsync("pong 5");

        await page.Locator(".flash-success button").ClickAsync();
        await Expect(page.Locator(".flash-success")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Focus_scroll_javascript_and_download_commands_run_in_the_page()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/commands");
        await Live.WaitConnectedAsync(page);

        await page.Locator("#focus").ClickAsync();
        await Expect(page.Locator("#name")).ToBeFocusedAsync();

        await page.Locator("#greet").ClickAsync();
        await Expect(page.Locator("#greeting")).ToHaveTextAsync("Hello, Ada");

        await page.Locator("#scroll").ClickAsync();
        await Expect(page.Locator("#bottom")).ToBeInViewportAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.EvaluateAsync("document.querySelector('#download').click()"));
        Assert.Equal("report.txt", download.SuggestedFilename);
    }

    [Fact]
    public async Task Recoverable_error_shows_an_error_flash_and_the_page_keeps_working()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/commands");
        await Live.WaitConnectedAsync(page);

        await page.Locator("#fail").ClickAsync();
        await Expect(page.Locator(".flash-error")).ToContainTextAsync("That did not work, try again.");
        await page.Locator("#save").ClickAsync();
        await Expect(page.Locator("#hook-saw")).ToHaveTextAsync("saved 1");
    }

    [Fact]
    public async Task Push_navigate_and_navigate_links_change_view_without_a_page_load_and_redirect_loads_the_page()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/commands");
        await Live.WaitConnectedAsync(page);
        await page.EvaluateAsync("window.__sameDocument = true");

        await page.Locator("#navigate").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/commands\\?via=navigate$"));
        await Expect(page.Locator(".flash-info")).ToContainTextAsync("Navigated here without a page load");
        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"));

        await page.Locator("#users-link").ClickAsync();
        await Expect(page.Locator("#page")).ToHaveTextAsync("Page 2 of 10");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/users\\?page=2$"));
        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"));

        await page.GoBackAsync();
        await Expect(page.Locator("#save")).ToBeVisibleAsync();
        await Live.WaitConnectedAsync(page);
        await page.Locator("#reload").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/commands\\?via=redirect$"));
        await Expect(page.Locator(".flash-info")).ToContainTextAsync("Redirected here with a page load");
        Assert.False(await page.EvaluateAsync<bool>("window.__sameDocument === true"));
    }
}
