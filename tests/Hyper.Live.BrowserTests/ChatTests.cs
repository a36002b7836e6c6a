using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>The chat sample's form: refused input is shown in the page, and the input is empty again after a message is sent.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChatTests(BrowserFixture fixture, ITestOutputHelper output)
    : SamplePageTest(fixture, output, "/chat/room-" + Guid.NewGuid().ToString("N")[..8] + "?name=ann")
{
    private ILocator Input => Page.Locator("input[name=message]");

    [Fact]
    public async Task An_empty_message_is_refused_and_the_page_says_why()
    {
        await Live.Button(Page, "Send").ClickAsync();

        await Expect(Page.Locator(".hyper-input-errors")).ToHaveTextAsync("Type a message first.");
        var reply = await Wire.WaitForAsync(f => !f.Sent && f.Event == "phx_reply" && f.Json[4].GetProperty("response").TryGetProperty("error", out _));
        Assert.Equal("ok", reply.Json[4].GetProperty("status").GetString());

        await Input.FillAsync("now with words");
        await Input.PressAsync("Enter");
        await Expect(Page.Locator("#messages li.message .text")).ToHaveTextAsync("ann: now with words");
        await Expect(Page.Locator(".hyper-input-errors")).ToHaveCountAsync(0);
        AssertServerQuiet();
    }

    [Fact]
    public async Task After_a_message_is_sent_the_input_is_empty_and_keeps_the_focus()
    {
        await Input.FillAsync("first");
        await Input.PressAsync("Enter");

        await Expect(Page.Locator("#messages li.message .text")).ToHaveTextAsync("ann: first");
        await Expect(Input).ToHaveValueAsync("");
        await Expect(Input).ToBeFocusedAsync();

        await Input.PressSequentiallyAsync("second");
        await Input.PressAsync("Enter");
        await Expect(Page.Locator("#messages li.message .text")).ToHaveTextAsync(["ann: first", "ann: second"]);
        await Expect(Input).ToHaveValueAsync("");
        AssertServerQuiet();
    }
}
