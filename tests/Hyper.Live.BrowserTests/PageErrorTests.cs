using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hyper.Live.BrowserTests;

/// <summary>The errors a page can see: <c>window.hyperLive.lastError</c> and <c>hyper:error</c> events, typed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageErrorTests(BrowserFixture fixture, ITestOutputHelper output) : SamplePageTest(fixture, output, "/counter")
{
    private static async Task ListenAsync(IPage page) =>
        await page.EvaluateAsync("() => { window.__errors = []; window.addEventListener('hyper:error', (e) => window.__errors.push(e.detail)) }");

    private static async Task<JsonElement> LastErrorAsync(IPage page, string type)
    {
        await page.WaitForFunctionAsync($"() => window.__errors.some((e) => e.type === '{type}')");
        Assert.Equal(type, await page.EvaluateAsync<string>("() => window.hyperLive.lastError?.type"));
        return await page.EvaluateAsync<JsonElement>($"() => window.__errors.filter((e) => e.type === '{type}').at(-1)");
    }

    [Fact]
    public async Task Events_over_the_rate_limit_are_reported_as_rate_limited()
    {
        await ListenAsync(Page);

        await Page.EvaluateAsync("""
            () => { for (let i = 0; i < 80; i++) window.liveSocket.main.channel.push("event", {type: "click", event: "increment", value: {}}) }
            """);

        var error = await LastErrorAsync(Page, "rate_limited");
        Assert.StartsWith("rate limited", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_input_is_reported_as_invalid_input_with_its_field()
    {
        await Page.GotoAsync("/todos");
        await Live.WaitConnectedAsync(Page);
        await Page.Locator("#new-todo input").FillAsync("Milk");
        await Page.Locator("#new-todo input").PressAsync("Enter");
        await Page.Locator("li", new PageLocatorOptions { HasText = "Milk" }).WaitForAsync();
        await ListenAsync(Page);

        await Page.EvaluateAsync("""() => window.liveSocket.main.channel.push("event", {type: "click", event: "toggle", value: {id: "abc"}})""");

        var error = await LastErrorAsync(Page, "invalid_input");
        Assert.Equal("id", error.GetProperty("field").GetString());
        Assert.Contains("'abc'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_join_with_stale_tokens_is_reported_as_stale()
    {
        // The page's CSRF token no longer matches its cookie, as after the cookie changed in another tab.
        await using var context = await Fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var stale = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Exposed to the page: the client reloads it soon after a stale join, taking page state with it.
        await page.ExposeFunctionAsync("reportError", (JsonElement error) =>
        {
            if (error.GetProperty("type").GetString() == "stale")
            {
                stale.TrySetResult(error);
            }
        });
        await page.AddInitScriptAsync("""
            window.addEventListener('hyper:error', (e) => window.reportError({...e.detail, last: window.hyperLive.lastError?.type}))
            new MutationObserver((_, observer) => {
              const meta = document.querySelector("meta[name='csrf-token']")
              if (!meta) return
              meta.content = "x" + meta.content
              observer.disconnect()
            }).observe(document, {childList: true, subtree: true})
            """);
        await page.GotoAsync("/counter");

        var error = await stale.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("stale", error.GetProperty("last").GetString());
        Assert.StartsWith("lv:", error.GetProperty("topic").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_from_another_deploy_is_reported_as_version_mismatch()
    {
        // The page as an older deploy served it: its tracked client bundle has another fingerprint.
        await using var context = await Fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var mismatch = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.ExposeFunctionAsync("reportError", (JsonElement error) =>
        {
            if (error.GetProperty("type").GetString() == "version_mismatch")
            {
                mismatch.TrySetResult(error);
            }
        });
        await page.AddInitScriptAsync("window.addEventListener('hyper:error', (e) => window.reportError(e.detail))");
        await page.RouteAsync("**/counter", async route =>
        {
            var response = await route.FetchAsync();
            var html = System.Text.RegularExpressions.Regex.Replace(await response.TextAsync(), @"live\.js\?v=[\w-]+", "live.js?v=olderdeploy");
            await route.FulfillAsync(new() { Response = response, Body = html });
        });
        await page.GotoAsync("/counter");

        var error = await mismatch.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("stale", error.GetProperty("message").GetString());
        // The client then loads the page again, which now carries this deploy's bundle and joins.
        await page.UnrouteAllAsync();
        await Live.WaitConnectedAsync(page);
    }

    [Fact]
    public async Task A_dropped_connection_is_reported_as_not_connected_and_disconnect_is_not()
    {
        await ListenAsync(Page);

        Assert.Equal(1, Fixture.DropAllSockets());
        await LastErrorAsync(Page, "not_connected");
        await Live.WaitConnectedAsync(Page);

        await Page.EvaluateAsync("() => { window.__errors = []; window.hyperLive.disconnect() }");
        await Page.WaitForTimeoutAsync(300);
        Assert.Equal(0, await Page.EvaluateAsync<int>("() => window.__errors.length"));
    }
}
