using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>Live navigation to another view starts at the top of the page, as a page load would.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NavigationScrollTests(BrowserFixture fixture, ITestOutputHelper output) : SamplePageTest(fixture, output, "/commands")
{
    [Fact]
    public async Task A_navigate_link_scrolls_to_the_top()
    {
        // The layout stays across live navigation, so a tall body keeps the new page scrollable too.
        await Page.EvaluateAsync("() => { document.body.style.minHeight = '5000px'; window.scrollTo(0, 1500) }");
        Assert.True(await Page.EvaluateAsync<double>("() => window.scrollY") > 1000);

        await Page.EvaluateAsync("() => document.querySelector('#users-link').click()");

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/users\\?page=2$"));
        await Live.WaitConnectedAsync(Page);
        await Page.WaitForFunctionAsync("() => window.scrollY === 0");
        Assert.Equal(5000, await Page.EvaluateAsync<double>("() => parseFloat(document.body.style.minHeight)"));   // no page load: the live navigation kept the body
    }
}
