using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>The seed's todo list (<c>/todos</c>): @submit with a field argument, .stop, @dblclick, @keydown.enter, delegates.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TodosTests(BrowserFixture fixture, ITestOutputHelper output) : SamplePageTest(fixture, output, "/todos")
{
    private ILocator Items => Page.Locator("#todo-list li");

    private ILocator Remaining => Page.Locator(".remaining");

    private ILocator Row(string title) => Items.Filter(new LocatorFilterOptions { HasText = title });

    private async Task AddAsync(params string[] titles)
    {
        var input = Page.Locator("#new-todo input[name=title]");
        foreach (var title in titles)
        {
            var before = await Items.CountAsync();
            await input.FillAsync(title);
            await input.PressAsync("Enter");
            await Expect(Items).ToHaveCountAsync(before + 1);
        }
    }

    /// <summary>The <c>event</c> frames the page sent since frame <paramref name="skip"/>, by event name.</summary>
    private List<string> EventsSince(int skip) =>
        Wire.Since(skip).Where(f => f.Sent && f.Event == "event").Select(f => f.Json[4].GetProperty("event").GetString()!).ToList();

    [Fact]
    public async Task Enter_adds_todos_and_clears_the_input()
    {
        await AddAsync("Buy milk", "Walk the dog");

        await Expect(Items).ToHaveTextAsync([new Regex("Buy milk"), new Regex("Walk the dog")]);
        await Expect(Remaining).ToHaveTextAsync("2 remaining");
        await Expect(Page.Locator("#new-todo input")).ToHaveValueAsync("");
        var submit = await Wire.WaitForAsync(f => f.Sent && f.Event == "event");
        Assert.Equal("form", submit.Json[4].GetProperty("type").GetString());
        Assert.Equal("add", submit.Json[4].GetProperty("event").GetString());
        AssertServerQuiet();
    }

    [Fact]
    public async Task Inner_bindings_with_stop_do_not_reach_the_row()
    {
        await AddAsync("Buy milk", "Walk the dog");

        // Without .stop the click on a row's title bubbles to nothing else: it selects the row.
        await Row("Buy milk").Locator(".title").ClickAsync();
        await Expect(Page.Locator(".selected")).ToHaveTextAsync("Selected: Buy milk");

        // The checkbox toggles (.stop): one event, and the other row is not selected.
        var skip = Wire.Frames.Count;
        await Row("Walk the dog").Locator(".toggle").ClickAsync();
        await Expect(Remaining).ToHaveTextAsync("1 remaining");
        await Expect(Row("Walk the dog")).ToHaveClassAsync("done");
        await Wire.ReplyToAsync(await Wire.WaitForAsync(f => f.Sent && f.Event == "event", skip: skip));
        await Expect(Page.Locator(".selected")).ToHaveTextAsync("Selected: Buy milk");
        Assert.Equal(["toggle"], EventsSince(skip));

        // The delete button (a delegate, .stop) removes its row only.
        skip = Wire.Frames.Count;
        await Row("Walk the dog").Locator(".delete").ClickAsync();
        await Expect(Items).ToHaveCountAsync(1);
        await Expect(Page.Locator(".selected")).ToHaveTextAsync("Selected: Buy milk");
        var events = EventsSince(skip);
        Assert.Single(events);
        Assert.Matches("^~[0-9a-f]{16}$", events[0]);
        AssertServerQuiet();
    }

    [Fact]
    public async Task Double_click_edits_and_enter_saves_while_escape_cancels()
    {
        await AddAsync("Buy milk");

        await Row("Buy milk").Locator(".title").DblClickAsync();
        var editor = Page.Locator("#todo-list input.edit");
        await Expect(editor).ToBeFocusedAsync();
        await Expect(editor).ToHaveValueAsync("Buy milk");
        Assert.Contains(Wire.Frames, f => f.Sent && f.Event == "event" && f.Json[4].GetProperty("type").GetString() == "dblclick");

        await editor.FillAsync("Buy oat milk");
        await editor.PressAsync("Enter");
        await Expect(editor).ToHaveCountAsync(0);
        await Expect(Row("Buy oat milk").Locator(".title")).ToHaveTextAsync("Buy oat milk");
        var save = await Wire.WaitForAsync(f => f.Sent && f.Event == "event" && f.Json[4].GetProperty("event").GetString() == "save_edit");
        Assert.Equal("keydown", save.Json[4].GetProperty("type").GetString());
        Assert.Equal("Enter", save.Json[4].GetProperty("value").GetProperty("key").GetString());

        // Escape is the element's second key binding: the client module delivers it.
        await Row("Buy oat milk").Locator(".title").DblClickAsync();
        await editor.FillAsync("Something else");
        await editor.PressAsync("Escape");
        await Expect(editor).ToHaveCountAsync(0);
        await Expect(Row("Buy oat milk").Locator(".title")).ToHaveTextAsync("Buy oat milk");
        AssertServerQuiet();
    }

    [Fact]
    public async Task Clear_completed_keeps_the_open_todos_and_prevent_keeps_the_page()
    {
        await AddAsync("One", "Two", "Three");
        await Row("One").Locator(".toggle").ClickAsync();
        await Row("Three").Locator(".toggle").ClickAsync();
        await Expect(Remaining).ToHaveTextAsync("1 remaining");
        await Page.EvaluateAsync("() => { window.__samePage = true }");

        // A link: without .prevent the browser would load /todos again, with a fresh, empty list.
        await Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Clear completed" }).ClickAsync();

        await Expect(Items).ToHaveCountAsync(1);
        Assert.True(await Page.EvaluateAsync<bool>("() => window.__samePage === true"), "the link navigated");
        await Expect(Items).ToHaveTextAsync([new Regex("Two")]);
        await Expect(Remaining).ToHaveTextAsync("1 remaining");
        AssertServerQuiet();
    }

    [Fact]
    public async Task A_wrong_typed_argument_gets_the_error_shape_and_the_page_keeps_working()
    {
        await AddAsync("Buy milk");
        var skip = Wire.Frames.Count;

        // What a tampered or buggy page would send: toggle(id) with a non-number.
        await Page.EvaluateAsync("""
            () => window.liveSocket.execJS(document.querySelector("#todo-list .toggle"), '[["push",{"event":"toggle","value":{"_args":["abc"]}}]]', "click")
            """);

        var push = await Wire.WaitForAsync(f => f.Sent && f.Event == "event", skip: skip);
        var reply = (await Wire.ReplyToAsync(push)).Json[4];

        // "ok", with the error as the whole response: the client then unlocks the checkbox.
        Assert.Equal("ok", reply.GetProperty("status").GetString());
        Assert.Equal("""{"error":"Invalid parameter 'id': expected int, got 'abc'"}""", reply.GetProperty("response").GetRawText().Replace("\\u0027", "'", StringComparison.Ordinal));
        Assert.Contains(Fixture.ServerLog.Skip(LogStart), line => line.Contains("Todos refused 'toggle': Invalid parameter 'id'", StringComparison.Ordinal));

        // Same socket, same view: everything still works, the checkbox that sent the bad push included.
        await Row("Buy milk").Locator(".toggle").ClickAsync();
        await Expect(Remaining).ToHaveTextAsync("0 remaining");
        await AddAsync("Walk the dog");
        await Expect(Remaining).ToHaveTextAsync("1 remaining");
        Assert.Equal(1, Wire.SocketCount);
        AssertServerQuiet();
    }
}
