using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>The links sample (<c>/links</c>): a user-typed <c>javascript:</c> URL in a hole never runs.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LinksTests(BrowserFixture fixture, ITestOutputHelper output) : SamplePageTest(fixture, output, "/links")
{
    [Theory]
    [InlineData("javascript:window.pwned=1")]
    [InlineData(" JaVa\tScRiPt:window.pwned=1")]
    public async Task A_script_url_typed_by_the_user_is_not_executed_when_clicked(string url)
    {
        await Page.Locator("#new-link input[name=title]").FillAsync("Click me");
        await Page.Locator("#new-link input[name=url]").FillAsync(url);
        await Page.Locator("#new-link button").ClickAsync();
        var link = Page.Locator("#links a", new() { HasText = "Click me" });
        await Expect(link).ToHaveCountAsync(1);

        await link.ClickAsync();

        Assert.True(await Page.EvaluateAsync<bool>("() => window.pwned === undefined"), "the javascript: URL ran");
        await Expect(link).ToHaveAttributeAsync("href", "#");
        AssertServerQuiet();
    }

    [Fact]
    public async Task An_ordinary_url_is_kept()
    {
        await Page.Locator("#new-link input[name=title]").FillAsync("Docs");
        await Page.Locator("#new-link input[name=url]").FillAsync("https://example.com/docs?a=1");
        await Page.Locator("#new-link button").ClickAsync();

        await Expect(Page.Locator("#links a", new() { HasText = "Docs" })).ToHaveAttributeAsync("href", "https://example.com/docs?a=1");
    }
}
