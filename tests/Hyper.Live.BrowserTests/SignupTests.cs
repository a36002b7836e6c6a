using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>The seed's signup form (<c>/signup</c>): validation on change and on submit, the success panel, form recovery.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignupTests(BrowserFixture fixture, ITestOutputHelper output) : SamplePageTest(fixture, output, "/signup")
{
    private ILocator Field(string name) => Page.Locator($"#signup input[name={name}]");

    private ILocator Error(string name) => Page.Locator($"#{name}-error");

    [Fact]
    public async Task Errors_show_only_for_touched_fields_while_typing()
    {
        await Field("username").PressSequentiallyAsync("al");

        await Expect(Error("username")).ToHaveTextAsync("A username has 3 to 20 characters.");
        await Expect(Error("email")).ToHaveCountAsync(0);
        await Expect(Error("age")).ToHaveCountAsync(0);
        var change = await Wire.WaitForAsync(f => f.Sent && f.Event == "event");
        Assert.Equal("form", change.Json[4].GetProperty("type").GetString());
        Assert.Equal("username", change.Json[4].GetProperty("meta").GetProperty("_target").GetString());
        Assert.Contains("_unused_email=", change.Json[4].GetProperty("value").GetString(), StringComparison.Ordinal);

        await Field("username").PressSequentiallyAsync("ice");
        await Expect(Error("username")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#availability")).ToHaveTextAsync("@alice is available");

        await Field("age").FillAsync("abc");
        await Expect(Error("age")).ToHaveTextAsync("The value 'abc' is not valid for Age.");
        await Field("age").FillAsync("9");
        await Expect(Error("age")).ToHaveTextAsync("You must be 13 or older.");
        await Expect(Error("email")).ToHaveCountAsync(0);
        await Expect(Field("username")).ToHaveValueAsync("alice");
        AssertServerQuiet();
    }

    [Fact]
    public async Task Submit_shows_every_error_then_the_success_panel()
    {
        await Live.Button(Page, "Sign up").ClickAsync();

        await Expect(Error("username")).ToHaveTextAsync("Choose a username.");
        await Expect(Error("email")).ToHaveTextAsync("Enter your email address.");
        await Expect(Error("age")).ToHaveTextAsync("Enter your age.");

        await Field("username").FillAsync("admin");
        await Expect(Error("username")).ToHaveTextAsync("@admin is taken.");
        await Field("username").FillAsync("ada");
        await Field("email").FillAsync("ada@example");
        await Expect(Error("email")).ToHaveCountAsync(0);
        await Field("email").FillAsync("ada at example.com");
        await Expect(Error("email")).ToHaveTextAsync("That is not an email address.");
        await Field("email").FillAsync("ada@example.com");
        await Field("age").FillAsync("36");
        await Expect(Error("age")).ToHaveCountAsync(0);
        await Live.Button(Page, "Sign up").ClickAsync();

        await Expect(Page.Locator("#welcome h1")).ToHaveTextAsync("Welcome, ada!");
        await Expect(Page.Locator("#welcome p")).ToHaveTextAsync("We sent a confirmation to ada@example.com.");
        await Live.Button(Page, "Sign up someone else").ClickAsync();
        await Expect(Field("username")).ToHaveValueAsync("");
        AssertServerQuiet();
    }

    /// <summary>
    /// After a network drop the view is mounted afresh; the client then sends the form's current
    /// values as a change event (protocol §9.3), which restores the server's state.
    /// </summary>
    [Fact]
    public async Task What_was_typed_is_recovered_after_a_reconnect()
    {
        await Field("username").PressSequentiallyAsync("grace");
        await Field("email").PressSequentiallyAsync("grace@example.com");
        await Expect(Page.Locator("#availability")).ToHaveTextAsync("@grace is available");

        Assert.Equal(1, Fixture.DropAllSockets());

        var rejoin = await Wire.WaitForAsync(f => f.Sent && f.Socket == 1 && f.Event == "phx_join");
        var recovery = await Wire.WaitForAsync(f => f.Sent && f.Socket == 1 && f.Event == "event");
        var payload = recovery.Json[4];
        Assert.Equal("validate", payload.GetProperty("event").GetString());
        Assert.Contains("username=grace", payload.GetProperty("value").GetString(), StringComparison.Ordinal);
        var recovered = await Wire.ReplyToAsync(recovery);
        Assert.Equal("ok", recovered.Json[4].GetProperty("status").GetString());

        // The server kept the view and re-attached it: its join render already has "grace" (a fresh
        // mount would render the empty form and learn it only from the recovery).
        var joined = await Wire.ReplyToAsync(rejoin);
        Assert.Contains("\"grace\"", joined.Json[4].GetProperty("response").GetProperty("rendered").GetRawText(), StringComparison.Ordinal);
        await Expect(Live.Container(Page)).ToHaveClassAsync(Live.ConnectedClass());

        await Expect(Page.Locator("#availability")).ToHaveTextAsync("@grace is available");
        await Expect(Field("username")).ToHaveValueAsync("grace");
        await Expect(Field("email")).ToHaveValueAsync("grace@example.com");
        await Field("age").FillAsync("40");
        await Live.Button(Page, "Sign up").ClickAsync();
        await Expect(Page.Locator("#welcome h1")).ToHaveTextAsync("Welcome, grace!");
        AssertServerQuiet();
    }
}
