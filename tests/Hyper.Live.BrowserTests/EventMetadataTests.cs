using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>Modifier keys and pointer data in event metadata (<c>/board</c>): <c>LiveEvent.Modifiers</c> and <c>LiveEvent.Pointer</c>.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EventMetadataTests(BrowserFixture fixture, ITestOutputHelper output) : SamplePageTest(fixture, output, "/board")
{
    private ILocator Canvas => Page.Locator("#canvas");

    [Fact]
    public async Task A_pointer_click_sends_its_position_in_the_element_and_shift_click_its_modifier()
    {
        await Canvas.ClickAsync(new() { Position = new() { X = 40, Y = 30 } });
        await Expect(Page.Locator("#last")).ToHaveTextAsync("Drew at 40, 30");
        await Canvas.ClickAsync(new() { Position = new() { X = 200, Y = 100 } });
        await Expect(Page.Locator("#count")).ToHaveTextAsync("2");

        await Canvas.ClickAsync(new() { Position = new() { X = 43, Y = 33 }, Modifiers = [KeyboardModifier.Shift] });

        await Expect(Page.Locator("#last")).ToHaveTextAsync("Erased 1 at 43, 33");
        await Expect(Page.Locator("#count")).ToHaveTextAsync("1");
        var click = Wire.Frames.Last(f => f.Sent && f.Event == "event").Json[4].GetProperty("value");
        Assert.True(click.GetProperty("shiftKey").GetBoolean());
        Assert.False(click.TryGetProperty("altKey", out _));
        Assert.Equal("mouse", click.GetProperty("pointerType").GetString());
        AssertServerQuiet();
    }

    [Fact]
    public async Task A_plain_click_sends_no_metadata()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Clear" }).ClickAsync();
        var click = await Wire.WaitForAsync(f => f.Sent && f.Event == "event");

        var value = click.Json[4].GetProperty("value");
        Assert.All(["altKey", "ctrlKey", "shiftKey", "metaKey", "clientX", "offsetX", "pointerType"], key => Assert.False(value.TryGetProperty(key, out _), key));
    }
}
