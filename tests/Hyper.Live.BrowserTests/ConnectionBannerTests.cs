using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>
/// The client's visible disconnected state: a banner and <c>html.hyper-disconnected</c> while the socket
/// stays down, none on the first connect or a quick reconnect; and the layout's title suffix.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConnectionBannerTests(BrowserFixture fixture, ITestOutputHelper output) : SamplePageTest(fixture, output, "/counter")
{
    private ILocator Banner => Page.Locator(".hyper-connection-banner");

    /// <summary>Records on the page whether the banner was ever visible, so a flash between two polls is seen too.</summary>
    private async Task WatchBannerAsync() => await Page.EvaluateAsync("""
        () => {
          window.__bannerShown = false
          const check = () => {
            const banner = document.querySelector(".hyper-connection-banner")
            if (banner && !banner.hidden) window.__bannerShown = true
          }
          new MutationObserver(check).observe(document.documentElement, {subtree: true, childList: true, attributes: true})
          check()
        }
        """);

    [Fact]
    public async Task No_banner_on_the_first_connect()
    {
        await Page.WaitForTimeoutAsync(1500);   // longer than the banner's delay

        Assert.Equal(0, await Banner.CountAsync());
        await Expect(Page.Locator("html")).Not.ToHaveClassAsync("hyper-disconnected");
        await Expect(Page.Locator(".conn-label")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_socket_kept_down_shows_the_banner_until_it_is_back()
    {
        await Page.EvaluateAsync("() => window.hyperLive.disconnect()");

        await Expect(Banner).ToBeVisibleAsync();
        await Expect(Banner).ToHaveTextAsync("Connection lost. Reconnecting…");
        await Expect(Banner).ToHaveAttributeAsync("role", "status");
        await Expect(Page.Locator("html")).ToHaveClassAsync("hyper-disconnected");

        await Page.EvaluateAsync("() => window.hyperLive.connect()");
        await Live.WaitConnectedAsync(Page);

        await Expect(Banner).ToBeHiddenAsync();
        await Expect(Page.Locator("html")).Not.ToHaveClassAsync("hyper-disconnected");
        await Live.Button(Page, "+").ClickAsync();
        await Expect(Page.Locator("h2")).ToHaveTextAsync("Count: 1");
        AssertServerQuiet();
    }

    /// <summary>
    /// The server becomes unreachable: the sockets are dropped and every reconnect is refused
    /// (Playwright routes the page's WebSockets and closes new ones while "down"). The banner
    /// shows; once the server is reachable again, Phoenix's back-off reconnects and it goes.
    /// </summary>
    [Fact]
    public async Task An_unreachable_server_shows_the_banner_and_a_reconnect_removes_it()
    {
        var down = false;
        await using var context = await Fixture.NewContextAsync();
        await Live.RefuseSocketsWhileAsync(context, () => Volatile.Read(ref down));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/counter");
        await Live.WaitConnectedAsync(page);

        Volatile.Write(ref down, true);
        Assert.True(Fixture.DropAllSockets() >= 1);

        var banner = page.Locator(".hyper-connection-banner");
        await Expect(banner).ToBeVisibleAsync();
        await Expect(page.Locator(".conn-label")).ToHaveCSSAsync("color", "rgb(217, 45, 32)");   // the badge turns red

        Volatile.Write(ref down, false);
        await Expect(banner).ToBeHiddenAsync(new LocatorAssertionsToBeHiddenOptions { Timeout = 15_000 });
        await Expect(Live.Container(page)).ToHaveClassAsync(Live.ConnectedClass());
    }

    [Fact]
    public async Task A_quick_reconnect_shows_no_banner()
    {
        await WatchBannerAsync();
        await Page.EvaluateAsync("() => { window.__oldWs = window.hyperLive.ws }");

        Assert.Equal(1, Fixture.DropAllSockets());
        await Page.WaitForFunctionAsync("() => window.hyperLive.ws && window.hyperLive.ws !== window.__oldWs && window.hyperLive.ws.readyState === 1");
        await Live.WaitConnectedAsync(Page);
        await Page.WaitForTimeoutAsync(1500);   // past the delay: a timer left running would show it now

        Assert.False(await Page.EvaluateAsync<bool>("() => window.__bannerShown"), "the banner flashed during a reconnect of a few milliseconds");
        await Expect(Page.Locator("html")).Not.ToHaveClassAsync("hyper-disconnected");
    }

    [Fact]
    public async Task A_live_title_change_keeps_the_layouts_suffix()
    {
        await Expect(Page).ToHaveTitleAsync("Samples · Hyper.Live");   // DefaultTitle: the counter sets none

        await Page.GotoAsync("/users?page=1");
        await Live.WaitConnectedAsync(Page);
        await Expect(Page).ToHaveTitleAsync("Users · page 1 · Hyper.Live");
        await Page.Locator("#next-button").ClickAsync();

        await Expect(Page).ToHaveTitleAsync("Users · page 2 · Hyper.Live");
        await Expect(Page.Locator("title")).ToHaveAttributeAsync("data-suffix", " · Hyper.Live");
    }
}
