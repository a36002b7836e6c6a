using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>
/// The chat's history is a stream in Chromium: messages reach both pages while the server keeps none of them,
/// the author's delete removes a message from both, the browser keeps only the last <c>?keep=</c> lines, and
/// Clear (a reset) empties one page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChatStreamTests(BrowserFixture fixture)
{
    private static ILocator Lines(IPage page) => page.Locator("#messages > li .text");

    private static async Task SayAsync(IPage page, string text)
    {
        await page.Locator("input[name=message]").FillAsync(text);
        await page.Locator("input[name=message]").PressAsync("Enter");
    }

    [Fact]
    public async Task Two_pages_share_the_history_delete_for_both_keep_the_last_lines_and_clear_alone()
    {
        var room = "/chat/room-" + Guid.NewGuid().ToString("N")[..8];
        await using var annContext = await fixture.NewContextAsync();
        await using var bobContext = await fixture.NewContextAsync();
        var ann = await annContext.NewPageAsync();
        var bob = await bobContext.NewPageAsync();
        var errors = new List<string>();
        ann.PageError += (_, error) => errors.Add(error);
        bob.PageError += (_, error) => errors.Add(error);
        await ann.GotoAsync(room + "?name=ann&keep=3");
        await Live.WaitConnectedAsync(ann);
        await bob.GotoAsync(room + "?name=bob");
        await Live.WaitConnectedAsync(bob);
        await Expect(Lines(ann)).ToHaveTextAsync(["You joined as ann", "bob joined"]);

        await SayAsync(ann, "one");
        await Expect(Lines(bob)).ToHaveTextAsync(["You joined as bob", "ann: one"]);
        await SayAsync(ann, "two");
        await Expect(Lines(ann)).ToHaveTextAsync(["bob joined", "ann: one", "ann: two"]);
        await SayAsync(bob, "three");

        // Ann keeps the last three lines; Bob the last hundred.
        await Expect(Lines(ann)).ToHaveTextAsync(["ann: one", "ann: two", "bob: three"]);
        await Expect(Lines(bob)).ToHaveTextAsync(["You joined as bob", "ann: one", "ann: two", "bob: three"]);
        await Expect(ann.Locator("#messages > li")).ToHaveCountAsync(3);
        Assert.Equal("0", await ann.Locator("#messages > li").First.GetAttributeAsync("data-phx-stream"));

        // Only the author's lines have a delete button; deleting removes the line from both pages.
        await Expect(bob.Locator("#messages button.delete")).ToHaveCountAsync(1);
        await ann.Locator("#messages > li", new() { HasText = "ann: one" }).Locator("button.delete").ClickAsync();
        await Expect(Lines(bob)).ToHaveTextAsync(["You joined as bob", "ann: two", "bob: three"]);
        await Expect(Lines(ann)).ToHaveTextAsync(["ann: two", "bob: three"]);

        // Clear is a reset of Bob's stream only; new lines then arrive on both as before.
        await bob.Locator("#clear").ClickAsync();
        await Expect(bob.Locator("#messages > li")).ToHaveCountAsync(0);
        await SayAsync(bob, "four");
        await Expect(Lines(bob)).ToHaveTextAsync(["bob: four"]);
        await Expect(Lines(ann)).ToHaveTextAsync(["ann: two", "bob: three", "bob: four"]);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_late_joiner_sees_the_rooms_last_messages_and_keeps_them_across_a_dropped_connection()
    {
        var room = "/chat/room-" + Guid.NewGuid().ToString("N")[..8];
        await using var annContext = await fixture.NewContextAsync();
        var ann = await annContext.NewPageAsync();
        await ann.GotoAsync(room + "?name=ann");
        await Live.WaitConnectedAsync(ann);
        await SayAsync(ann, "one");
        await SayAsync(ann, "two");
        await Expect(Lines(ann)).ToHaveTextAsync(["You joined as ann", "ann: one", "ann: two"]);

        await using var carolContext = await fixture.NewContextAsync();
        var carol = await carolContext.NewPageAsync();
        await carol.GotoAsync(room + "?name=carol");
        await Live.WaitConnectedAsync(carol);
        await Expect(Lines(carol)).ToHaveTextAsync(["ann: one", "ann: two", "You joined as carol"]);

        // The rejoin re-attaches the view; the client empties stream containers on every join, and the view
        // inserts the room's history again (the join and leave lines were never shared).
        fixture.DropAllSockets();
        await Live.WaitConnectedAsync(carol);
        await Expect(Lines(carol)).ToHaveTextAsync(["ann: one", "ann: two"]);
        await SayAsync(ann, "three");
        await Expect(Lines(carol)).ToHaveTextAsync(["ann: one", "ann: two", "ann: three"]);
    }
}
