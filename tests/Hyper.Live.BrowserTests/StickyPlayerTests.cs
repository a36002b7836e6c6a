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

    [Fact]
    public async Task The_child_in_the_pages_render_joins_after_it_is_left_when_hidden_and_mounts_afresh_when_shown()
    {
        var requests = Page.Locator("#requests");
        await Expect(requests).ToHaveAttributeAsync("data-phx-parent-id", new System.Text.RegularExpressions.Regex("^phx-"));
        await Expect(requests).ToHaveClassAsync(Live.ConnectedClass());
        var input = requests.Locator("input[name=title]");
        await input.FillAsync("Blue Monday");
        await input.PressAsync("Enter");
        await Expect(requests.Locator("li")).ToHaveTextAsync(["Blue Monday"]);
        var skip = Wire.Frames.Count;

        await Page.Locator("#toggle-requests").ClickAsync();

        await Expect(requests).ToHaveCountAsync(0);
        await Wire.WaitForAsync(f => f.Sent && f.Topic == "lv:requests" && f.Event == "phx_leave", skip: skip);
        await Page.Locator("#toggle-requests").ClickAsync();
        await Expect(requests).ToHaveClassAsync(Live.ConnectedClass());
        await Expect(requests.Locator("li")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#player .track")).ToHaveTextAsync("Morning Ride");
        AssertServerQuiet();
    }
}
