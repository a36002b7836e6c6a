using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Hyper.Live.BrowserTests.Conformance;

/// <summary>
/// Every binding form of the README's "Events, arguments and forms" table and every modifier, as a
/// <see cref="Scenario"/>. Markup ids: <c>#t</c> is the element acted on.
/// </summary>
public static class Scenarios
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        // Phoenix's own bindings.
        Click("click", _ => $"""<button id="t" @click="hit">go</button>"""),
        Click("click-alias-name", _ => $"""<button id="t" @click="pick">go</button>"""),
        new("submit-with-field-argument", _ => $"""
            <form id="t" @submit="save(title)"><input name="title" value="Milk"><button id="go">Add</button></form>
            """,
            page => page.SubmitAsync("#t"),
            page => page.ClickAsync("#go")),
        new("change-on-form", _ => $"""<form id="t" @change="hit"><input id="q" name="q" value=""><input name="other" value="x"></form>""",
            page => page.ChangeAsync("#t", new { q = "ap" }),
            page => page.FillAsync("#q", "ap")),
        new("input-on-form", _ => $"""<form id="t" @input="hit"><input id="q" name="q" value=""></form>""",
            page => page.ChangeAsync("#t", new { q = "ap" }),
            page => page.FillAsync("#q", "ap")),
        KeyDowns("keydown", _ => $"""<input id="t" @keydown="hit">""", "a"),
        new("keyup", _ => $"""<input id="t" value="v" @keyup="hit">""",
            page => page.KeyUpAsync("#t", "ArrowDown"),
            page => page.Locator("#t").PressAsync("ArrowDown")),
        new("focus-and-blur", _ => $"""<input id="t" value="v" @focus="hit" @blur="other"><button id="elsewhere">x</button>""",
            async page =>
            {
                await page.FocusAsync("#t");
                await page.BlurAsync("#t");
            },
            async page =>
            {
                await page.FocusAsync("#t");
                await page.FocusAsync("#elsewhere");
            }),

        // Any other DOM event: data-hyper-*, delivered by the bundle's client module.
        new("dblclick", _ => $"""<span id="t" @dblclick="hit">edit</span>""",
            page => page.TriggerAsync("#t", "dblclick"),
            page => page.DblClickAsync("#t")),
        new("contextmenu", _ => $"""<div id="t" @contextmenu.prevent="hit">menu</div>""",
            page => page.TriggerAsync("#t", "contextmenu"),
            page => page.ClickAsync("#t", new PageClickOptions { Button = MouseButton.Right })),
        new("mouseenter-and-mouseleave", _ => $"""<div id="t" style="padding:20px" @mouseenter="hit" @mouseleave="other">hover</div><p id="away" style="padding:20px">away</p>""",
            async page =>
            {
                await page.TriggerAsync("#t", "mouseenter");
                await page.TriggerAsync("#t", "mouseleave");
            },
            async page =>
            {
                await page.HoverAsync("#t");
                await page.HoverAsync("#away");
            }),
        new("pointerenter-and-pointerdown", _ => $"""<div id="t" style="padding:20px" @pointerenter="hit" @pointerdown="other">press</div>""",
            async page =>
            {
                await page.TriggerAsync("#t", "pointerenter");
                await page.TriggerAsync("#t", "pointerdown");
            },
            async page =>
            {
                await page.HoverAsync("#t");
                await page.Mouse.DownAsync();
                await page.Mouse.UpAsync();
            }),
        new("input-on-an-input", _ => $"""<input id="t" @input="pick(value)">""",
            page => page.TriggerAsync("#t", "input", new { value = "ap" }),
            page => page.FillAsync("#t", "ap")),
        new("input-debounce", _ => $"""<input id="t" @input.debounce.200="pick(value)">""",
            page => page.TriggerAsync("#t", "input", new { value = "abc" }),
            page => page.Locator("#t").PressSequentiallyAsync("abc")),
        new("scroll", _ => $"""<div id="t" style="height:40px;overflow:auto" @scroll.throttle.10000="hit"><div style="height:400px">long</div></div>""",
            page => page.TriggerAsync("#t", "scroll"),
            page => page.Locator("#t").EvaluateAsync("el => el.scrollTop = 100")),
        new("wheel-prevent", _ => $"""<div id="t" style="height:40px;overflow:auto" @wheel.prevent.throttle.10000="hit"><div style="height:400px">long</div></div>""",
            page => page.TriggerAsync("#t", "wheel"),
            async page =>
            {
                await page.HoverAsync("#t");
                await page.Mouse.WheelAsync(0, 100);
                await Assertions.Expect(page.Locator("#log")).ToHaveTextAsync(new Regex("^1 "));
                Assert.Equal(0, await page.Locator("#t").EvaluateAsync<int>("el => el.scrollTop"));
            }),
        new("drag", _ => $"""<div id="t" draggable="true" @dragstart="hit" @dragend="other">drag me</div><div id="drop" style="padding:30px">here</div>""",
            async page =>
            {
                await page.TriggerAsync("#t", "dragstart");
                await page.TriggerAsync("#t", "dragend");
            },
            page => page.DragAndDropAsync("#t", "#drop")),

        // @change on controls that are not a <form>: an ordinary event with the control's value.
        new("change-on-checkbox-outside-a-form", view => $"""<input id="t" type="checkbox" checked="{view.Checked}" @change="check">""",
            page => page.TriggerAsync("#t", "change", new { value = "on" }),
            page => page.CheckAsync("#t")),
        new("change-on-select-outside-a-form", _ => $"""<select id="t" @change="pick(value)"><option>red</option><option>blue</option></select>""",
            page => page.TriggerAsync("#t", "change", new { value = "blue" }),
            page => page.SelectOptionAsync("#t", "blue")),
        new("change-on-input-outside-a-form", _ => $"""<input id="t" @change="pick(value)"><button id="elsewhere">x</button>""",
            page => page.TriggerAsync("#t", "change", new { value = "blue" }),
            async page =>
            {
                await page.FillAsync("#t", "blue");
                await page.FocusAsync("#elsewhere");
            }),
        new("change-with-value-inside-a-form", _ => $"""<form><input id="t" name="color" value="red" @change="pick(value)"><input name="size" value="9"></form><button id="elsewhere">x</button>""",
            page => page.TriggerAsync("#t", "change", new { value = "blue" }),
            async page =>
            {
                await page.FillAsync("#t", "blue");
                await page.FocusAsync("#elsewhere");
            }),
        new("change-on-unnamed-checkbox-inside-a-form", view => $"""<form><input id="t" type="checkbox" checked="{view.Checked}" @change="check"><input name="size" value="9"></form>""",
            page => page.TriggerAsync("#t", "change", new { value = "on" }),
            page => page.CheckAsync("#t")),

        // A click on a checkbox checks it before its listeners run, then fires input and change.
        Click("click-on-checkbox-with-click-binding", view => $"""<input id="t" type="checkbox" value="yes" checked="{view.Checked}" @click="check">"""),
        new("click-on-checkbox-with-change-binding-twice", view => $"""<label><input id="t" type="checkbox" checked="{view.Checked}" @change="check"> done</label>""",
            async page =>
            {
                await page.ClickAsync("#t");
                await page.ClickAsync("#t");
            },
            async page =>
            {
                await page.ClickAsync("#t");
                await Assertions.Expect(page.Locator("#log")).ToHaveTextAsync(new Regex("^1 "));
                await page.ClickAsync("#t");
            }),
        Click("click-on-radio-with-change-binding", _ => $"""<input id="t" type="radio" name="size" value="l" @change="pick(value)"><input type="radio" name="size" value="s">"""),

        // Arguments.
        Click("literal-arguments", _ => $"""<button id="t" @click="args(123, 'red', true)">go</button>"""),
        Click("hole-argument", view => $"""<button id="t" @click="args({view.Number}, 'x', false)">go</button>"""),
        Click("delegate", view => $"""<button id="t" @click="{(LiveEvent e) => view.Delegate(e)}">go</button>"""),
        Click("phx-value-and-element-value", _ => $"""<button id="t" value="v1" phx-value-id="7" @click="hit">go</button>"""),

        // Modifiers.
        Click("click-bubbles-to-outer-bindings", _ => $"""<div id="o" @click="outer"><span @dblclick="other"><button id="t" @click="hit">go</button></span></div>"""),
        Click("click-stop", _ => $"""<div @click="outer"><button id="t" @click.stop="hit">go</button></div>"""),
        Click("click-prevent-keeps-the-page", _ => $"""<a id="t" href="/elsewhere" @click.prevent="hit">go</a>"""),
        new("dblclick-bubbles-and-stops", _ => $"""<div @dblclick="outer"><div @dblclick.stop="other"><span id="t" @dblclick="hit">x</span></div></div>""",
            page => page.TriggerAsync("#t", "dblclick"),
            page => page.DblClickAsync("#t")),
        KeyDowns("keydown-key-filter", _ => $"""<input id="t" @keydown.enter="hit">""", "ArrowLeft", "Enter"),
        KeyDowns("keydown-second-key-binding", _ => $"""<input id="t" @keydown.enter="hit" @keydown.escape="other">""", "Escape", "Enter"),
        new("keyup-escape-alias", _ => $"""<input id="t" @keyup.esc="hit">""",
            page => page.KeyUpAsync("#t", "Escape"),
            page => page.Locator("#t").PressAsync("Escape")),
        KeyDowns("keydown-space", _ => $"""<input id="t" @keydown.space.prevent="hit">""", "Space"),
        KeyDowns("keydown-bubbles-to-outer-and-stop", _ => $"""<div @keydown="outer"><div @keydown.stop="other"><input id="t" @keydown="hit"></div></div>""", "x"),
        Click("click-debounce", _ => $"""<button id="t" @click.debounce.100="hit">go</button>"""),
        Click("click-throttle", _ => $"""<button id="t" @click.throttle.100="hit">go</button>"""),

        // Keyed rows are row components (data-phx-component on each <li>): their events still reach the view,
        // also when phx-target="" makes the browser send the row's cid.
        Click("click-in-keyed-row", _ => $$"""<ul>{{Html.Each(new[] { 1, 2 }, i => i, i => $"""<li id="row-{i}"><button id="{(i == 2 ? "t" : "b1")}" @click="pick" phx-value-value="{i}">go</button></li>""")}}</ul>"""),
        Click("click-in-keyed-row-targeting-closest-component", _ => $$"""<ul>{{Html.Each(new[] { 1, 2 }, i => i, i => $"""<li id="row-{i}"><button id="{(i == 2 ? "t" : "b1")}" @click="pick" phx-target="" phx-value-value="{i}">go</button></li>""")}}</ul>"""),

        // Streams: phx-update="stream" containers edited by inserts, deletes, limits and resets.
        .. StreamScenario.Create(),
    ];

    /// <summary>A click on <c>#t</c>.</summary>
    private static Scenario Click(string name, Func<ConformanceView, Html> render) =>
        new(name, render, page => page.ClickAsync("#t"), page => page.ClickAsync("#t"));

    /// <summary>Keys pressed on <c>#t</c>, by Playwright's names (<c>Space</c> is <c>" "</c> to the test client).</summary>
    private static Scenario KeyDowns(string name, Func<ConformanceView, Html> render, params string[] keys) => new(
        name,
        render,
        async page =>
        {
            foreach (var key in keys)
            {
                await page.KeyDownAsync("#t", key == "Space" ? " " : key);
            }
        },
        async page =>
        {
            foreach (var key in keys)
            {
                await page.Locator("#t").PressAsync(key);
            }
        });

    public static Scenario Find(string name) =>
        All.FirstOrDefault(s => s.Name == name) ?? throw new ArgumentException($"no conformance scenario '{name}'", nameof(name));
}
