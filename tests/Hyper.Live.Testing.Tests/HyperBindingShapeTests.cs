using System.Text.Json.Nodes;

namespace Hyper.Live.Testing.Tests;

/// <summary>
/// Hyper's <c>@event</c> bindings as the template compiler writes them (phx-* with JS push commands
/// carrying <c>_args</c>, <c>data-hyper-&lt;event&gt;</c>, <c>data-hyper-on</c> with modifiers) and as
/// Hyper's client module delivers them: bubbling to outer bindings until <c>.stop</c>, own key filters.
/// </summary>
public sealed class HyperBindingShapeTests : IAsyncLifetime
{
    // A todo row as the compiler renders `@click="select(1)"`, `@click.stop="toggle(1)"`, `@dblclick="{{() => Edit(1)}}"`.
    private const string Row = """
        <div id="outer" phx-click="outer" data-hyper-on="click"><button id="inner" phx-click="inner" data-hyper-on="click">in</button></div>
        <li id="todo-1" phx-click='[["push",{"event":"select","value":{"_args":[1]}}]]' data-hyper-on="click">
          <input type="checkbox" class="toggle" phx-click='[["push",{"event":"toggle","value":{"_args":[1]}}]]' data-hyper-on="click.stop">
          <span class="title" data-hyper-dblclick='[["push",{"event":"b-edit-1"}]]' data-hyper-on="dblclick">Milk</span>
        </li>
        <input class="edit" value="Milk" phx-keydown='[["push",{"event":"save_edit","value":{"_args":[{"field":"value"}]}}]]' phx-key="enter"
               data-hyper-keydown.escape='[["push",{"event":"cancel_edit"}]]' data-hyper-on="keydown.enter keydown.escape">
        <input id="q" data-hyper-input='[["push",{"event":"search_for","value":{"_args":[{"field":"value"},10]}}]]' data-hyper-on="input.debounce.300">
        <input type="checkbox" id="done" data-hyper-change='[["push",{"event":"set_done"}]]' data-hyper-on="change">
        <input type="checkbox" id="checked" checked value="yes" data-hyper-change='[["push",{"event":"set_done"}]]' data-hyper-on="change">
        <form id="new-todo" phx-submit='[["push",{"event":"add","value":{"_args":[{"field":"title"}]}}]]'><input name="title"></form>
        """;

    private ScriptedServer server = null!;
    private LiveClient client = null!;
    private LivePage page = null!;

    public async Task InitializeAsync()
    {
        server = await ScriptedServer.Start();
        server.OnFrame = (socket, frame) => (string?)frame[3] == "phx_join"
            ? socket.Reply(frame, new JsonObject { ["rendered"] = new JsonObject { ["s"] = new JsonArray(Row) } }.ToJsonString())
            : socket.Reply(frame);
        client = server.CreateClient();
        page = await client.LiveAsync("/");
    }

    public async Task DisposeAsync()
    {
        await client.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task A_click_inside_a_row_runs_the_rows_binding_once_with_its_arguments()
    {
        await page.ClickAsync("span.title");

        // An <li> has a numeric value property (0), which the client sends like any element value.
        Assert.Equal(["""{"type":"click","event":"select","value":{"value":0,"_args":[1]}}"""], Events());
    }

    [Fact]
    public async Task Stop_keeps_the_outer_binding_from_running()
    {
        await page.ClickAsync("input.toggle");

        // The click checks the box before its listeners run: it sends the value a checked box has ("on" without a value attribute).
        Assert.Equal(["""{"type":"click","event":"toggle","value":{"value":"on","_args":[1]}}"""], Events());
    }

    [Fact]
    public async Task Clicking_a_checkbox_toggles_it_and_fires_its_change_binding_as_the_browser_does()
    {
        await page.ClickAsync("#done");
        await page.ClickAsync("#checked");

        Assert.Equal(
            ["""{"type":"change","event":"set_done","value":{"value":"on"}}""", """{"type":"change","event":"set_done","value":{}}"""],
            Events());
    }

    [Fact]
    public async Task Without_stop_the_outer_binding_runs_after_the_inner_one()
    {
        await page.ClickAsync("#inner");

        Assert.Equal(["""{"type":"click","event":"inner","value":{"value":""}}""", """{"type":"click","event":"outer","value":{}}"""], Events());
    }

    [Fact]
    public async Task Events_phoenix_lacks_are_delivered_from_data_hyper_attributes()
    {
        await page.TriggerAsync("span.title", "dblclick");
        await page.TriggerAsync("#q", "input", new { value = "ap" });

        Assert.Equal(
            ["""{"type":"dblclick","event":"b-edit-1","value":{}}""", """{"type":"input","event":"search_for","value":{"value":"ap","_args":[{"field":"value"},10]}}"""],
            Events());
    }

    [Fact]
    public async Task Each_key_binding_filters_on_its_own_key()
    {
        await page.KeyDownAsync("input.edit", "Escape");
        await page.KeyDownAsync("input.edit", "Enter");
        await page.KeyDownAsync("input.edit", "a");

        Assert.Equal(
            [
                """{"type":"keydown","event":"cancel_edit","value":{"key":"Escape","value":"Milk"}}""",
                """{"type":"keydown","event":"save_edit","value":{"key":"Enter","value":"Milk","_args":[{"field":"value"}]}}""",
            ],
            Events());
    }

    [Fact]
    public async Task A_submit_binding_with_arguments_sends_them_in_meta()
    {
        await page.SubmitAsync("#new-todo", new { title = "Milk" });

        Assert.Equal(["""{"type":"form","event":"add","value":"title=Milk","meta":{"_args":[{"field":"title"}]}}"""], Events());
    }

    [Fact]
    public async Task An_event_nothing_listens_for_is_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => page.TriggerAsync("span.title", "mouseenter"));

        Assert.Contains("no mouseenter binding", error.Message, StringComparison.Ordinal);
    }

    private List<string> Events() => [.. server.ReceivedEvents("event").Select(f => f[4]!.ToJsonString())];
}
