using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>Flash lists, a redirect that replaces the history entry, and scrolling to the top, in a real Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NoticesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Several_warnings_are_shown_together_and_each_close_button_removes_its_own()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/notices");
        await Live.WaitConnectedAsync(page);

        await page.Locator("#check").ClickAsync();
        await Expect(page.Locator(".flash-warning")).ToHaveCountAsync(2);

        await page.Locator(".flash-warning", new() { HasText = "disk almost full" }).Locator("button").ClickAsync();
        await Expect(page.Locator(".flash-warning")).ToHaveCountAsync(1);
        await Expect(page.Locator(".flash-warning")).ToContainTextAsync("backup overdue");
    }

    [Fact]
    public async Task Scroll_without_a_selector_goes_back_to_the_top()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/notices");
        await Live.WaitConnectedAsync(page);

        await page.EvaluateAsync("window.scrollTo(0, document.body.scrollHeight)");
        Assert.True(await page.EvaluateAsync<double>("window.scrollY") > 0);

        await page.Locator("#to-top").ClickAsync();
        await page.WaitForFunctionAsync("() => window.scrollY === 0");
        await Expect(page.Locator("#top")).ToBeInViewportAsync();
    }

    [Fact]
    public async Task Redirect_with_replace_loads_the_page_with_its_flash_and_back_skips_the_page_left()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/counter");
        await page.GotoAsync("/notices");
        await Live.WaitConnectedAsync(page);

        await page.Locator("#leave").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/commands\\?via=notices$"));
        await Expect(page.Locator(".flash-info")).ToHaveCountAsync(2);

        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/counter$"));
    }
}
