using Hyper.Live.Samples.Live;

namespace Hyper.Live.Samples.Tests;

/// <summary>The todos sample: Hyper's @event bindings with arguments, delegates, .stop and keys, driven without a browser.</summary>
public sealed class TodosTests(WebApplicationFactory<Program> app) : IClassFixture<WebApplicationFactory<Program>>
{
    // The example of docs/testing.md, as written there.
    [Fact]
    public async Task Adds_and_completes_todos()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/todos");

        await page.SubmitAsync("#new-todo", new { title = "Milk" });    // @submit="add(title)"
        await page.SubmitAsync("#new-todo", new { title = "Bread" });
        await page.ClickAsync("#todo-1 .toggle");                         // @click.stop="toggle(1)"

        Assert.Equal("1 remaining", page.Text(".remaining"));
        Assert.True(page.Has("#todo-1.done"));
        Assert.Equal(["Milk", "Bread"], page.QueryAll(".title").Select(e => e.TextContent));
    }

    [Fact]
    public async Task Add_toggle_and_clear_completed()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/todos");

        await page.SubmitAsync("#new-todo", new { title = "Milk" });
        await page.SubmitAsync("#new-todo", new { title = "Bread" });
        await page.ClickAsync("#todo-1 .toggle");

        Assert.Equal(["Milk", "Bread"], page.QueryAll("#todo-list .title").Select(e => e.TextContent));
        Assert.Equal("done", page.Element("#todo-1").ClassName);
        Assert.Equal("1 remaining", page.Text(".remaining"));
        Assert.Equal("Selected: none", page.Text(".selected")); // .stop: the row was not selected

        await page.ClickAsync("a.clear");
        Assert.Equal(["Bread"], page.QueryAll("#todo-list .title").Select(e => e.TextContent));
    }

    [Fact]
    public async Task A_blank_title_adds_nothing()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/todos");

        await page.SubmitAsync("#new-todo", new { title = "   " });

        Assert.Empty(page.QueryAll("#todo-list li"));
        Assert.Null(page.LastError);
    }

    [Fact]
    public async Task Clicking_a_row_selects_it_and_delete_removes_it()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/todos");
        await page.SubmitAsync("#new-todo", new { title = "Milk" });

        await page.ClickAsync("#todo-1 .title");
        Assert.Equal("Selected: Milk", page.Text(".selected"));

        await page.ClickAsync("#todo-1 .delete");
        Assert.Empty(page.QueryAll("#todo-list li"));
        Assert.Equal("Selected: none", page.Text(".selected"));
    }

    [Fact]
    public async Task Double_click_edits_enter_saves_and_escape_cancels()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/todos");
        await page.SubmitAsync("#new-todo", new { title = "Milk" });

        await page.TriggerAsync("#todo-1 .title", "dblclick");
        await page.KeyDownAsync("#todo-1 .edit", "Enter", new { value = "Oat milk" });
        Assert.Equal("Oat milk", page.Text("#todo-1 .title"));

        await page.TriggerAsync("#todo-1 .title", "dblclick");
        await page.KeyDownAsync("#todo-1 .edit", "Escape");
        Assert.Equal("Oat milk", page.Text("#todo-1 .title"));
        Assert.False(page.Has("#todo-1 .edit"));
    }

    [Fact]
    public async Task Each_page_has_its_own_list()
    {
        await using var client = app.CreateLiveClient();
        var first = await client.LiveAsync("/todos");
        var second = await client.LiveAsync("/todos");

        await first.SubmitAsync("#new-todo", new { title = "Milk" });

        Assert.Single(first.QueryAll("#todo-list li"));
        Assert.Empty(second.QueryAll("#todo-list li"));
        Assert.IsType<Todos>(first.View);
    }
}
