using Microsoft.AspNetCore.Builder;

namespace Hyper.Live.Testing.Tests;

/// <summary>Issue 14: live components through the test client (and so through the client's merge rules).</summary>
public sealed class ComponentTests : IAsyncLifetime
{
    private LiveTestHost host = null!;
    private LiveClient client = null!;

    public async Task InitializeAsync()
    {
        host = await LiveTestHost.StartAsync(app =>
        {
            app.MapHyperLive(typeof(ComponentsView).Assembly);
            app.MapLive<ComponentsView>("/components");
            app.MapLive<NestedComponentsView>("/nested");
            app.MapLive<RowsWithComponentsView>("/rows");
        });
        client = host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await client.DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task An_event_in_a_component_reaches_that_component_and_its_state_survives_the_parents_renders()
    {
        var page = await client.LiveAsync("/components");
        var a = page.Component<CounterComponent>("a");
        var b = page.Component<CounterComponent>("b");

        await a.ClickAsync(".inc");
        await a.ClickAsync(".inc");
        await b.ClickAsync(".inc");
        await page.ClickAsync(".toggle"); // the view renders again
        await page.ClickAsync(".toggle");

        Assert.Equal("2", a.Text(".count"));
        Assert.Equal(2, a.State.Count);
        Assert.Equal(1, a.State.Mounts);
        Assert.Equal("row 1", page.Component<CounterComponent>("row-1").Text(".label"));
        Assert.NotEqual(a.Cid, b.Cid);
    }

    [Fact]
    public async Task A_reattached_view_sends_its_components_again_with_their_state()
    {
        var page = await client.LiveAsync("/components");
        await page.Component<CounterComponent>("a").ClickAsync(".inc");

        await page.DisconnectAsync();
        await page.ReconnectAsync();

        var a = page.Component<CounterComponent>("a");
        Assert.Equal("1", a.Text(".count"));
        Assert.Equal(1, a.State.Mounts);
        Assert.Equal("row 1", page.Component<CounterComponent>("row-1").Text(".label"));
        await a.ClickAsync(".inc");
        Assert.Equal("2", a.Text(".count"));
    }

    [Fact]
    public async Task New_props_run_Update_and_unchanged_props_do_not_render_the_component_again()
    {
        var page = await client.LiveAsync("/components");
        var a = page.Component<CounterComponent>("a");
        var b = page.Component<CounterComponent>("b");
        var (updates, rendersOfB) = (a.State.Updates, b.State.Renders);

        await page.ClickAsync(".faster");
        await a.ClickAsync(".inc");

        Assert.Equal(updates + 1, a.State.Updates);
        Assert.Equal(2, a.State.Count);
        Assert.Equal(rendersOfB, b.State.Renders);
    }

    [Fact]
    public async Task A_component_the_parent_stops_rendering_is_destroyed_after_the_handshake_and_comes_back_fresh()
    {
        var page = await client.LiveAsync("/components");
        await page.Component<CounterComponent>("b").ClickAsync(".inc");

        await page.ClickAsync(".toggle");
        await page.WaitForAsync(p => !p.HasComponent<CounterComponent>("b"));
        Assert.False(page.Has("#counter-b"));

        await page.ClickAsync(".toggle");
        var b = page.Component<CounterComponent>("b");
        Assert.Equal("0", b.Text(".count"));
        Assert.Equal(1, b.State.Mounts);
    }

    [Fact]
    public async Task Messages_go_up_with_SendParent_and_down_with_SendUpdate_and_Parent_targets_the_view()
    {
        var page = await client.LiveAsync("/components");
        var a = page.Component<CounterComponent>("a");
        await a.ClickAsync(".inc");

        await a.ClickAsync(".report");
        await page.WaitForAsync(p => p.Text(".reports") == "a=1");

        await page.ClickAsync(".reset");
        await page.WaitForAsync(p => p.Component<CounterComponent>("a").Text(".count") == "0");

        await a.ClickAsync(".rename");
        Assert.Equal("A!", a.Text(".label"));
        Assert.Equal("A!", page.State<ComponentsView>().Label);
    }

    [Fact]
    public async Task Components_in_a_keyed_list_keep_their_state_when_rows_move_and_leave()
    {
        var page = await client.LiveAsync("/components");
        await page.Component<CounterComponent>("row-3").ClickAsync(".inc");

        await page.ClickAsync(".reverse");
        Assert.Equal(["row 3", "row 2", "row 1"], page.QueryAll("ul .label").Select(e => e.TextContent));
        Assert.Equal("1", page.Component<CounterComponent>("row-3").Text(".count"));

        await page.ClickAsync(".drop");
        await page.WaitForAsync(p => !p.HasComponent<CounterComponent>("row-3"));
        Assert.Equal(["row 2", "row 1"], page.QueryAll("ul .label").Select(e => e.TextContent));
    }

    [Fact]
    public async Task Rows_of_a_keyed_list_send_their_events_to_the_view_and_keep_the_live_components_inside_them()
    {
        var page = await client.LiveAsync("/rows");
        Assert.Equal(3, page.QueryAll("li[data-phx-component]").Count); // each row is a row component
        await page.Component<CounterComponent>("c-2").ClickAsync(".inc");

        await page.ClickAsync("#row-3 .up");
        Assert.Equal(["row 3", "row 1", "row 2"], page.QueryAll("ol .label").Select(e => e.TextContent));
        Assert.Equal("1", page.Component<CounterComponent>("c-2").Text(".count"));

        await page.ClickAsync(".drop");
        await page.WaitForAsync(p => !p.HasComponent<CounterComponent>("c-2"));
        Assert.Equal(["row 3", "row 1"], page.QueryAll("ol .label").Select(e => e.TextContent));
        await page.Component<CounterComponent>("c-3").ClickAsync(".inc");
        Assert.Equal("1", page.Component<CounterComponent>("c-3").Text(".count"));
    }

    [Fact]
    public async Task The_http_render_shows_the_components_inline()
    {
        var page = await client.LiveAsync("/components");

        Assert.Contains("<span class=\"label\">row 2</span>", page.DeadHtml, StringComparison.Ordinal);
        Assert.Contains("phx-target=\"\"", page.DeadHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_component_inside_a_component_renders_on_its_own_events_and_goes_when_its_parent_stops_rendering_it()
    {
        var page = await client.LiveAsync("/nested");
        var panel = page.Component<PanelComponent>("panel");
        var inner = page.Component<CounterComponent>("inner");

        await inner.ClickAsync(".inc");
        await page.ClickAsync(".tick");
        await inner.ClickAsync(".inc");

        Assert.Equal("2", inner.Text(".count"));
        Assert.Equal(1, panel.State.Renders);
        Assert.Equal("1", page.Text(".tick"));

        await inner.ClickAsync(".rename"); // its Parent is the panel, which has no such handler: refused, nothing breaks
        Assert.NotNull(page.LastError);

        await panel.ClickAsync(".fold");
        await page.WaitForAsync(p => !p.HasComponent<CounterComponent>("inner"));
        Assert.True(page.HasComponent<PanelComponent>("panel"));
    }

    [Fact]
    public async Task SendUpdate_from_outside_the_view_goes_through_its_mailbox()
    {
        var page = await client.LiveAsync("/components");

        await Task.Run(() => page.View.SendUpdate<CounterComponent>("b", counter => counter.Count = 42));

        await page.WaitForAsync(p => p.Component<CounterComponent>("b").Text(".count") == "42");
        Assert.Equal("0", page.Component<CounterComponent>("a").Text(".count"));
    }

    [Fact]
    public async Task A_binding_of_the_view_reaches_a_component_through_a_phx_target_selector()
    {
        var page = await client.LiveAsync("/components");
        var a = page.Component<CounterComponent>("a");
        await a.ClickAsync(".inc");

        await page.ClickAsync(".clear-a");

        Assert.Equal("0", a.Text(".count"));
        Assert.Null(page.LastError);
    }
}
