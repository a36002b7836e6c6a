using Hyper.Live.Samples.Live.Parts;

namespace Hyper.Live.Samples.Tests;

/// <summary>The component samples: the V2 dashboard and the todo list of row components, driven without a browser.</summary>
public sealed class ComponentSamplesTests(WebApplicationFactory<Program> app) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task The_dashboard_shows_a_header_a_card_with_the_counter_inside_and_the_chat()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/component-dashboard?name=ann");

        var counter = page.Component<DashboardCounter>("counter");
        await counter.ClickAsync(".inc");
        await counter.ClickAsync(".inc");

        Assert.Equal("Dashboard", page.Text(".page-header h1"));
        Assert.Equal("2", page.Text(".card .card-body .count"));
        Assert.Equal(2, counter.State.Count);
        Assert.Equal("a live component inside a static one", page.Text(".card .card-footer"));
        Assert.True(page.Has("#chat-panel"));
    }

    [Fact]
    public async Task Two_dashboards_chat_through_the_chat_component()
    {
        await using var annClient = app.CreateLiveClient();
        await using var bobClient = app.CreateLiveClient();
        var ann = await annClient.LiveAsync("/component-dashboard?name=ann");
        var bob = await bobClient.LiveAsync("/component-dashboard?name=bob");

        await ann.Component<ChatPanel>("chat").SubmitAsync("form", new { message = "hi bob" });

        await bob.WaitForAsync(p => p.Has("#chat-panel li", "ann: hi bob"));
        await ann.WaitForAsync(p => p.Has("#chat-panel li", "ann: hi bob"));
        Assert.Equal("0", bob.Text(".count")); // the counter is each page's own
    }

    [Fact]
    public async Task Each_todo_row_keeps_its_own_edit_state_while_the_list_changes()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/component-todos");

        await page.Component<TodoRow>("1").ClickAsync(".edit");
        await page.SubmitAsync("#new-todo", new { title = "Eggs" });
        await page.Component<TodoRow>("2").ClickAsync(".toggle");

        Assert.True(page.Component<TodoRow>("1").State.Editing);
        Assert.True(page.Has("#todo-1 form"));
        Assert.Equal("2 remaining", page.Text(".remaining"));
        Assert.True(page.Has("#todo-2.done"));

        await page.Component<TodoRow>("1").SubmitAsync("form", new { title = "Oat milk" });
        Assert.Equal(["Oat milk", "Bread", "Eggs"], page.QueryAll("#todo-list .title").Select(e => e.TextContent));
    }

    [Fact]
    public async Task A_deleted_row_is_destroyed_on_the_server_after_the_handshake()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/component-todos");

        await page.Component<TodoRow>("2").ClickAsync(".delete");

        await page.WaitForAsync(p => !p.HasComponent<TodoRow>("2"));
        Assert.Equal(["Milk"], page.QueryAll("#todo-list .title").Select(e => e.TextContent));
        Assert.Equal("1 remaining", page.Text(".remaining"));
    }

    [Fact]
    public async Task Each_click_on_the_components_bench_page_changes_one_of_1000_row_components()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/bench/components");
        var before = page.QueryAll("td[id]").Select(td => td.TextContent).ToList();

        await page.ClickAsync("#update");

        var after = page.QueryAll("td[id]").Select(td => td.TextContent).ToList();
        Assert.Equal(1000, after.Count);
        Assert.Equal(37, Assert.Single(Enumerable.Range(0, 1000), i => before[i] != after[i]));
        Assert.Equal("100001", page.Component<Hyper.Live.Samples.Live.Bench.BenchRow>("37").Text("#v-37"));
    }

    [Fact]
    public void A_static_card_takes_its_body_slot_and_leaves_out_a_footer_not_given()
    {
        var card = Ui.Card("Stats", $"<p>body</p>").ToString();
        var withFooter = Ui.Card("Stats", $"<p>body</p>", footer: $"<small>note</small>").ToString();

        Assert.Contains("<div class=\"card-body\"><p>body</p></div>", card, StringComparison.Ordinal);
        Assert.DoesNotContain("footer", card, StringComparison.Ordinal);
        Assert.Contains("<footer class=\"card-footer\"><small>note</small></footer>", withFooter, StringComparison.Ordinal);
    }
}
