using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>The V2 dashboard (<c>/component-dashboard</c>): static Header and Card, the counter and chat live components, in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ComponentDashboardTests(BrowserFixture fixture, ITestOutputHelper output) : SamplePageTest(fixture, output, "/component-dashboard?name=ann")
{
    [Fact]
    public async Task The_counter_inside_the_card_handles_its_own_clicks_and_only_it_is_patched()
    {
        var counter = Page.Locator(".card .card-body [data-phx-component]");
        await Expect(counter).ToHaveIdAsync("dashboard-counter");

        var skip = Wire.Frames.Count;
        await counter.Locator(".inc").ClickAsync();
        await counter.Locator(".inc").ClickAsync();
        await counter.Locator(".dec").ClickAsync();
        await Expect(counter.Locator(".count")).ToHaveTextAsync("1");

        var click = await Wire.WaitForAsync(f => f.Sent && f.Event == "event", skip: skip);
        Assert.Equal("increment", click.Json[4].GetProperty("event").GetString());
        Assert.True(click.Json[4].TryGetProperty("cid", out _), "the click carries the component's cid");
        var reply = await Wire.ReplyToAsync(click);
        var diff = reply.Json[4].GetProperty("response").GetProperty("diff");
        Assert.Equal(["c"], diff.EnumerateObject().Select(p => p.Name));
        await Expect(Page.Locator(".page-header h1")).ToHaveTextAsync("Dashboard");
        AssertServerQuiet();
    }

    [Fact]
    public async Task A_message_typed_in_the_chat_component_comes_back_through_pub_sub()
    {
        var input = Page.Locator("#chat-panel input[name=message]");
        await input.FillAsync("hello");
        await input.PressAsync("Enter");

        await Expect(Page.Locator("#chat-panel li")).ToHaveTextAsync([new Regex("ann: hello")]);
        await Expect(Page.Locator("#chat-panel input[name=message]")).ToHaveValueAsync("");
        AssertServerQuiet();
    }
}

/// <summary>Todo rows as live components (<c>/component-todos</c>), in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ComponentTodosTests(BrowserFixture fixture, ITestOutputHelper output) : SamplePageTest(fixture, output, "/component-todos")
{
    private ILocator Titles => Page.Locator("#todo-list .title");

    [Fact]
    public async Task A_row_stays_in_edit_mode_while_the_list_changes_and_saves_its_own_draft()
    {
        await Page.Locator("#todo-1 .edit").ClickAsync();
        await Expect(Page.Locator("#todo-1 form")).ToBeVisibleAsync();

        var add = Page.Locator("#new-todo input[name=title]");
        await add.FillAsync("Eggs");
        await add.PressAsync("Enter");
        await Expect(Titles).ToHaveTextAsync(["Bread", "Eggs"]);
        await Page.Locator("#todo-2 .toggle").ClickAsync();
        await Expect(Page.Locator("#todo-2")).ToHaveClassAsync("done");
        await Expect(Page.Locator("#todo-1 form")).ToBeVisibleAsync();

        var edit = Page.Locator("#todo-1 input[name=title]");
        await edit.FillAsync("Oat milk");
        await edit.PressAsync("Enter");
        await Expect(Titles).ToHaveTextAsync(["Oat milk", "Bread", "Eggs"]);
        await Expect(Page.Locator(".remaining")).ToHaveTextAsync("2 remaining");
        AssertServerQuiet();
    }

    [Fact]
    public async Task Deleting_a_row_runs_the_destroy_handshake()
    {
        await Page.Locator("#todo-2 .delete").ClickAsync();
        await Expect(Titles).ToHaveTextAsync(["Milk"]);

        var willDestroy = await Wire.WaitForAsync(f => f.Sent && f.Event == "cids_will_destroy");
        var destroyed = await Wire.WaitForAsync(f => f.Sent && f.Event == "cids_destroyed");
        var cid = willDestroy.Json[4].GetProperty("cids")[0].GetInt32();
        Assert.Equal(cid, destroyed.Json[4].GetProperty("cids")[0].GetInt32());
        var reply = await Wire.ReplyToAsync(destroyed);
        Assert.Equal(cid, reply.Json[4].GetProperty("response").GetProperty("cids")[0].GetInt32());
        AssertServerQuiet();
    }
}
