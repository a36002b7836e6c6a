using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>The load harness's pages (<c>/bench/counter</c>, <c>/bench/table</c>) in a real Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BenchPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{

    [Fact]
    public async Task Bench_pages_are_static_without_JavaScript()
    {
        await using var noJs = await Fixture.NewContextAsync(javaScriptEnabled: false);
        var page = await noJs.NewPageAsync();
        await page.GotoAsync("/bench/counter");

        await Expect(page.Locator("#status")).ToHaveTextAsync("static");
        await Expect(page.Locator("#count")).ToHaveTextAsync("0");

        await page.GotoAsync("/bench/table");
        await Expect(page.Locator("#status")).ToHaveTextAsync("static");
        await Expect(page.Locator("tbody > tr")).ToHaveCountAsync(1000);
        await Expect(page.Locator("#v-999")).ToHaveTextAsync("999");
    }

    [Fact]
    public async Task Bench_counter_is_interactive_with_JavaScript_and_counts_clicks()
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync("/bench/counter");
        await Live.WaitConnectedAsync(page);

        // The join render (mounted with a connected socket) replaces the dead render's "static".
        await Expect(page.Locator("#status")).ToHaveTextAsync("interactive");
        var count = page.Locator("#count");
        await Expect(count).ToHaveTextAsync("0");
        for (var expected = 1; expected <= 3; expected++)
        {
            await page.Locator("#inc").ClickAsync();
            await Expect(count).ToHaveTextAsync(expected.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Bench_table_renders_1000_rows_and_updates_one_row_per_click()
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync("/bench/table");
        await Live.WaitConnectedAsync(page);
        await Expect(page.Locator("#status")).ToHaveTextAsync("interactive");

        var rows = page.Locator("tbody > tr");
        await Expect(rows).ToHaveCountAsync(1000);
        await Expect(page.Locator("#v-0")).ToHaveTextAsync("0");
        await Expect(page.Locator("#v-999")).ToHaveTextAsync("999");
        await Expect(page.Locator("#v-37")).ToHaveTextAsync("37");

        await page.Locator("#update").ClickAsync();
        await Expect(page.Locator("#v-37")).ToHaveTextAsync("100001");

        await page.Locator("#update").ClickAsync();
        await Expect(page.Locator("#v-74")).ToHaveTextAsync("100002");

        // Only those two rows changed, and none was added, lost or moved.
        await Expect(rows).ToHaveCountAsync(1000);
        await Expect(page.Locator("#v-37")).ToHaveTextAsync("100001");
        await Expect(page.Locator("#v-36")).ToHaveTextAsync("36");
        await Expect(page.Locator("#v-38")).ToHaveTextAsync("38");
        await Expect(page.Locator("#v-73")).ToHaveTextAsync("73");
        await Expect(rows.Nth(37).Locator("td").First).ToHaveTextAsync("37");
        await Expect(rows.Nth(74).Locator("td").Nth(1)).ToHaveTextAsync("Row number 74");
    }
}
