using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>A live view in a Razor page (<c>/embedded</c>, <c>Html.LiveAsync</c>), in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EmbeddedViewTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_view_in_the_razor_page_joins_and_handles_its_events()
    {
        var logStart = Fixture.ServerLog.Count;
        var page = await Context.NewPageAsync();
        await page.GotoAsync("/embedded");
        var player = page.Locator("#razor-player");
        await Expect(player).ToHaveClassAsync(Live.ConnectedClass());

        await player.Locator(".next").ClickAsync();

        await Expect(player.Locator(".track")).ToHaveTextAsync("Blue Hour");
        await Expect(page.Locator("h1")).ToHaveTextAsync("A Razor page");
        Assert.DoesNotContain(Fixture.ServerLog.Skip(logStart), line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Warning", StringComparison.Ordinal));
    }
}
