using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>
/// The samples app as a first-time visitor sees it: the stylesheet and layout apply, and a screenshot of the
/// index and of some samples is saved under <c>bin/…/screenshots/</c> for a person to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SamplesLookTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture)
{
    private static readonly string ScreenshotDirectory = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private async Task<IPage> OpenAsync(string path)
    {
        var page = await Context.NewPageAsync();
        await page.SetViewportSizeAsync(1100, 760);
        await page.GotoAsync(path);
        await Live.WaitConnectedAsync(page);
        return page;
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var file = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
        output.WriteLine("screenshot: " + file);
    }

    /// <summary>What every page of the samples has: the stylesheet, the navigation, the badge saying "live".</summary>
    private static async Task ExpectChromeAsync(IPage page, string current)
    {
        await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", "rgb(246, 247, 251)");
        await Expect(page.Locator(".samples-nav a[aria-current=page]")).ToHaveTextAsync(current);
        await Expect(page.Locator(".conn-badge")).ToHaveCSSAsync("color", "rgb(18, 161, 80)");
    }

    [Fact]
    public async Task The_index_links_every_sample_in_cards()
    {
        var page = await OpenAsync("/");

        await Expect(page).ToHaveTitleAsync("Samples · Hyper.Live");
        await Expect(page.Locator(".cards .card")).ToHaveCountAsync(Hyper.Live.Samples.SampleCatalog.All.Count);
        await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", "rgb(246, 247, 251)");
        await Expect(page.Locator(".samples-nav a[aria-current=page]")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "index");

        await page.Locator(".card", new PageLocatorOptions { HasText = "Counter" }).ClickAsync();
        await Live.WaitConnectedAsync(page);
        await Expect(page.Locator("h2")).ToHaveTextAsync("Count: 0");
    }

    [Fact]
    public async Task Todos_look_like_a_product()
    {
        var page = await OpenAsync("/todos");
        var input = page.Locator("#new-todo input[name=title]");
        foreach (var title in new[] { "Buy milk", "Write the docs", "Ship it" })
        {
            await input.FillAsync(title);
            await input.PressAsync("Enter");
            await Expect(page.Locator("#todo-list li", new PageLocatorOptions { HasText = title })).ToHaveCountAsync(1);
        }

        await page.Locator("#todo-list li .toggle").First.ClickAsync();
        await Expect(page.Locator(".remaining")).ToHaveTextAsync("2 remaining");

        await ExpectChromeAsync(page, "Todos");
        await ScreenshotAsync(page, "todos");
    }

    [Fact]
    public async Task Flash_messages_are_styled()
    {
        var page = await OpenAsync("/commands");
        await page.Locator("#save").ClickAsync();
        await Expect(page.Locator(".flash-success")).ToContainTextAsync("Saved 1 time(s)");

        await ExpectChromeAsync(page, "Commands");
        await Expect(page.Locator(".flash-success")).ToHaveCSSAsync("background-color", "rgb(236, 253, 243)");
        await ScreenshotAsync(page, "commands-flash");
    }

    [Fact]
    public async Task A_button_waiting_for_the_server_shows_its_loading_state()
    {
        var page = await OpenAsync("/signup");
        await page.Locator("input[name=username]").FillAsync("al");
        await page.Locator("input[name=email]").FillAsync("not-an-email");
        await page.Locator("input[name=age]").FillAsync("abc");
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator(".error").First).ToBeVisibleAsync();
        await ExpectChromeAsync(page, "Signup");
        await ScreenshotAsync(page, "signup-errors");

        // phx-click-loading stays on while the server has not answered: hold the reply back.
        var counter = await OpenAsync("/counter");
        await counter.EvaluateAsync("""
            () => {
              const ws = window.hyperLive.ws
              const onmessage = ws.onmessage
              window.__held = []
              ws.onmessage = event => event.data.includes('"phx_reply"') && event.data.includes('"diff"')
                ? window.__held.push([onmessage, event]) : onmessage.call(ws, event)
            }
            """);
        var plus = Live.Button(counter, "+");
        await plus.ClickAsync();
        await Expect(plus).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("phx-click-loading"));
        await Expect(plus).ToHaveCSSAsync("opacity", "0.6");
        await ScreenshotAsync(counter, "counter-loading");
    }
}
