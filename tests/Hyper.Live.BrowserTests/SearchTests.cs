using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>The seed's search (<c>/search</c>): <c>@input.debounce.300</c> and an intermediate render while the handler waits.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchTests(BrowserFixture fixture, ITestOutputHelper output) : SamplePageTest(fixture, output, "/search")
{
    private ILocator Status => Page.Locator(".status");

    private List<WireFrame> Searches => Wire.Frames.Where(f => f.Sent && f.Event == "event").ToList();

    [Fact]
    public async Task Typing_six_characters_quickly_sends_one_event_then_shows_searching_and_the_results()
    {
        // 40 ms between keys: well inside the 300 ms debounce.
        await Page.Locator("#q").PressSequentiallyAsync("banana", new LocatorPressSequentiallyOptions { Delay = 40 });

        // The handler renders "Searching…" before it awaits the (400 ms) catalogue…
        await Expect(Status).ToHaveTextAsync("Searching…");
        var search = Assert.Single(Searches);
        var payload = search.Json[4];
        Assert.Equal("input", payload.GetProperty("type").GetString());
        Assert.Equal("search_for", payload.GetProperty("event").GetString());
        Assert.Equal("banana", payload.GetProperty("value").GetProperty("value").GetString());
        var pushed = await Wire.WaitForAsync(f => !f.Sent && f.Event == "diff");
        Assert.Contains("Searching…", pushed.Text, StringComparison.Ordinal);

        // …then the results, in the reply.
        await Expect(Status).ToHaveTextAsync("1 result for “banana”");
        await Expect(Page.Locator("#results li")).ToHaveTextAsync(["Banana"]);
        await Wire.ReplyToAsync(search);
        Assert.Single(Searches);
        AssertServerQuiet();
    }

    [Fact]
    public async Task A_search_without_matches_says_so()
    {
        await Page.Locator("#q").PressSequentiallyAsync("xyz", new LocatorPressSequentiallyOptions { Delay = 20 });

        await Expect(Status).ToHaveTextAsync("No results for “xyz”");
        await Expect(Page.Locator("#results li")).ToHaveCountAsync(0);

        // The binding's literal argument, search_for(value, 10), caps the list.
        await Page.Locator("#q").FillAsync("e");
        await Expect(Status).ToHaveTextAsync("10 results for “e”");
        await Expect(Page.Locator("#results li")).ToHaveCountAsync(10);
        AssertServerQuiet();
    }
}
