using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>Shared&lt;T&gt; and Persistent&lt;T&gt; in two Chromium contexts: the visit counter and the profile editor.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SharedStateTests(BrowserFixture fixture)
{
    private static async Task<IPage> OpenAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await Live.WaitConnectedAsync(page);
        return page;
    }

    [Fact]
    public async Task A_second_browsers_visit_shows_in_the_first()
    {
        await using var annContext = await fixture.NewContextAsync();
        await using var bobContext = await fixture.NewContextAsync();
        var ann = await OpenAsync(annContext, "/visits");
        var before = int.Parse((await ann.Locator("#visits").TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture);

        var bob = await OpenAsync(bobContext, "/visits");
        var after = await bob.Locator("#visits").TextContentAsync();

        Assert.True(int.Parse(after!, System.Globalization.CultureInfo.InvariantCulture) > before);
        await Expect(ann.Locator("#visits")).ToHaveTextAsync(after!);
    }

    [Fact]
    public async Task Two_browsers_edit_one_profile_a_save_shows_in_the_other_and_a_conflicting_save_is_reported()
    {
        // The samples' data file outlives the test: a profile of its own, whatever it holds from earlier runs.
        var path = "/profile?id=" + Random.Shared.Next(2, 101);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var annContext = await fixture.NewContextAsync();
        await using var bobContext = await fixture.NewContextAsync();
        var ann = await OpenAsync(annContext, path);
        var bob = await OpenAsync(bobContext, path);

        await ann.Locator("input[name=name]").FillAsync("Ada " + tag);
        await Expect(ann.Locator("#status")).ToHaveTextAsync("Unsaved changes.");
        await ann.Locator("#save").ClickAsync();
        await Expect(ann.Locator("#status")).ToHaveTextAsync("All changes saved.");
        await Expect(bob.Locator("input[name=name]")).ToHaveValueAsync("Ada " + tag);

        await bob.Locator("textarea[name=bio]").FillAsync("Bob's " + tag);
        await Expect(bob.Locator("#status")).ToHaveTextAsync("Unsaved changes.");
        await ann.Locator("textarea[name=bio]").FillAsync("Ann's " + tag);
        await ann.Locator("#save").ClickAsync();
        await Expect(ann.Locator("#status")).ToHaveTextAsync("All changes saved.");
        await Expect(bob.Locator("#status")).ToContainTextAsync("Someone else saved this profile meanwhile");

        await bob.Locator("#save").ClickAsync();
        await Expect(bob.Locator("#conflict")).ToContainTextAsync("Someone else saved this User");
        await Expect(bob.Locator("textarea[name=bio]")).ToHaveValueAsync("Bob's " + tag);

        await bob.Locator("#reload").ClickAsync();
        await Expect(bob.Locator("textarea[name=bio]")).ToHaveValueAsync("Ann's " + tag);
        await Expect(bob.Locator("#conflict")).ToHaveCountAsync(0);
    }
}
