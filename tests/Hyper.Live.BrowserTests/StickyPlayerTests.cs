using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>The radio sample (<c>/radio</c>): a sticky nested live view in the layout keeps its state across live navigation, in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StickyPlayerTests(BrowserFixture fixture, ITestOutputHelper output) : SamplePageTest(fixture, output, "/radio")
{
    [Theory]
    [InlineData("#browse")]
    [InlineData("#to-counter")]
    public async Task The_player_keeps_its_track_and_its_channel_when_the_page_navigates_live(string via)
    {
        var player = Page.Locator("#player");
        await Expect(player).Not.ToHaveAttributeAsync("data-phx-parent-id", new System.Text.RegularExpressions.Regex("."));
        await Expect(player).ToHaveClassAsync(Live.ConnectedClass());
        await player.Locator(".next").ClickAsync();
        await Expect(player.Locator(".track")).ToHaveTextAsync("Blue Hour");
        var skip = Wire.Frames.Count;

        await Page.Locator(via).ClickAsync();

        await Expect(Page.Locator("h2")).ToHaveTextAsync("Count: 0");
        Assert.EndsWith("/counter", Page.Url, StringComparison.Ordinal);
        await Expect(player.Locator(".track")).ToHaveTextAsync("Blue Hour");
        await player.Locator(".next").ClickAsync();
        await Expect(player.Locator(".track")).ToHaveTextAsync("Night Drive");
        Assert.DoesNotContain(Wire.Since(skip), f => f.Sent && f.Topic == "lv:player" && f.Event is "phx_join" or "phx_leave");
        AssertServerQuiet();
    }

    [Fact]
    public async Task The_players_own_timer_keeps_running_after_a_live_navigation()
    {
        var player = Page.Locator("#player");
        await Expect(player).ToHaveClassAsync(Live.ConnectedClass());
        await player.Locator(".toggle").ClickAsync();
        await Expect(player.Locator(".toggle")).ToHaveTextAsync("Pause");

        await Page.Locator("#browse").ClickAsync();
        await Expect(Page.Locator("h2")).ToHaveTextAsync("Count: 0");

        await Expect(player.Locator(".elapsed")).ToHaveTextAsync("0:02", new() { Timeout = 10_000 });
        AssertServerQuiet();
    }
}
