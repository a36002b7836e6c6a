using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>
/// Root-tracked rows in Chromium: after a click that changes one row of <c>/bench/table</c>, Phoenix's client
/// re-renders and morphs that row only. A row edited behind the client's back proves the others were not even
/// visited: a morph of the whole table would have put its server text back.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SkipUnchangedRowsTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Watch = """
        () => {
          const rows = [...document.querySelectorAll('tbody > tr')];
          rows.forEach(row => { row.__kept = true; });
          rows[500].cells[1].textContent = 'edited in the browser';
          const touched = new Set();
          const rowOf = node => (node.nodeType === 1 ? node : node.parentElement)?.closest('tbody > tr');
          window.__rowsObserver = new MutationObserver(records => records.forEach(r => {
            const row = rowOf(r.target);
            touched.add(row ? rows.indexOf(row) : -1);
            r.addedNodes.forEach(n => touched.add(rowOf(n) ? rows.indexOf(rowOf(n)) : -1));
          }));
          window.__rowsObserver.observe(document.querySelector('tbody'), { subtree: true, childList: true, attributes: true, characterData: true });
          window.__touchedRows = touched;
        }
        """;

    private const string Report = """
        () => {
          window.__rowsObserver.takeRecords();
          const rows = [...document.querySelectorAll('tbody > tr')];
          const touched = [...window.__touchedRows].sort((a, b) => a - b);
          window.__touchedRows.clear();
          return JSON.stringify({
            rows: rows.length,
            kept: rows.filter(row => row.__kept).length,
            edited: rows[500].cells[1].textContent,
            placeholders: document.querySelectorAll('[data-phx-skip]').length,
            touched,
          });
        }
        """;

    [Fact]
    public async Task A_click_changing_one_row_morphs_only_that_row()
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync("/bench/table");
        await Live.WaitConnectedAsync(page);
        await Expect(page.Locator("#status")).ToHaveTextAsync("interactive");
        await page.EvaluateAsync(Watch);

        await page.Locator("#update").ClickAsync();
        await Expect(page.Locator("#v-37")).ToHaveTextAsync("100001");
        await AssertOnlyRowTouchedAsync(page, 37);

        await page.Locator("#update").ClickAsync();
        await Expect(page.Locator("#v-74")).ToHaveTextAsync("100002");
        await AssertOnlyRowTouchedAsync(page, 74);

        // Still the right page: the changed rows, their neighbours and the last row as the server renders them.
        await Expect(page.Locator("#v-37")).ToHaveTextAsync("100001");
        await Expect(page.Locator("#v-36")).ToHaveTextAsync("36");
        await Expect(page.Locator("#v-75")).ToHaveTextAsync("75");
        await Expect(page.Locator("#v-999")).ToHaveTextAsync("999");
        await Expect(page.Locator("tbody > tr").Nth(74).Locator("td").Nth(1)).ToHaveTextAsync("Row number 74");
    }

    private static async Task AssertOnlyRowTouchedAsync(IPage page, int row)
    {
        // Every row element kept (none replaced), row 500 never morphed back, no placeholder left in the DOM,
        // and mutations inside the changed row only.
        var report = await page.EvaluateAsync<string>(Report);
        Assert.Equal($$$"""{"rows":1000,"kept":1000,"edited":"edited in the browser","placeholders":0,"touched":[{{{row}}}]}""", report);
    }
}
