using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests.Conformance;

/// <summary>
/// Every stream operation, one click each, through both clients: the test client's model of
/// <c>phx-update="stream"</c> must leave the DOM Phoenix's client leaves.
/// </summary>
public static class StreamScenario
{
    /// <summary>Every operation the view knows; each button's id is its operation.</summary>
    private static readonly string[] All =
    [
        "append", "append-other", "prepend", "insert-at-2", "update-1", "update-only-9", "update-only-2", "delete-3",
        "append-limit-minus-4", "prepend-limit-3", "reset", "append-five-limit-minus-2",
    ];

    /// <summary>One scenario per group: each starts from the three rows of the mount, so a later reset cannot hide an earlier difference.</summary>
    public static IEnumerable<Scenario> Create() =>
    [
        Create("stream-inserts-updates-deletes", "append", "append-other", "prepend", "insert-at-2", "update-1", "update-only-9", "update-only-2", "delete-3"),
        Create("stream-limits", "append-limit-minus-4", "prepend", "append-limit-minus-4", "prepend-limit-3"),
        Create("stream-reset", "append", "reset", "append", "update-1"),
        Create("stream-mixed-templates", "append-other", "append", "append-other"),
        Create("stream-burst-with-limit", "append", "append-five-limit-minus-2", "prepend", "append-five-limit-minus-2"),
    ];

    private static Scenario Create(string name, params string[] operations) => new(
        name,
        view => $$"""
            {{Html.Each(All, op => $"""<button id="{op}" @click="stream_op({op})">{op}</button>""")}}
            <ul id="rows" phx-update="stream">{{view.RenderRows()}}</ul>
            """,
        async page =>
        {
            foreach (var op in operations)
            {
                await page.ClickAsync("#" + op);
            }
        },
        async page =>
        {
            for (var i = 0; i < operations.Length; i++)
            {
                await page.ClickAsync("#" + operations[i]);
                // One at a time, as the test client does: each operation's diff is applied before the next click.
                await Expect(page.Locator("#log")).ToHaveTextAsync(new Regex($"^{i + 1} "));
            }
        });
}
