using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hyper.Live.BrowserTests.Conformance;

/// <summary>
/// Renders one <see cref="Scenario"/> (route <c>/conformance/{scenario}?run=…</c>) and records every
/// event it receives, with the raw payload fields, into the <see cref="EventRecorder"/>. Each event
/// also changes the page (a counter and the last event), so the two clients' DOMs can be compared.
/// </summary>
public sealed class ConformanceView(EventRecorder recorder) : LiveView
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly LiveStream<(int Id, string Text)> rows = Stream<(int Id, string Text)>(row => $"row-{row.Id}");
    private Scenario scenario = null!;
    private string run = "";
    private int count;
    private string last = "";

    /// <summary>A number the scenarios pass as a hole argument.</summary>
    public int Number { get; } = 42;

    protected override void Mount(LiveParams parameters)
    {
        scenario = Scenarios.Find(parameters["scenario"] ?? "");
        run = parameters["run"] ?? "";
        rows.InsertMany([(1, "one"), (2, "two"), (3, "three")]);
    }

    /// <summary>The stream scenario's rows: only what this render inserts, the rest is in the browser.</summary>
    public Html RenderRows() => rows.Render((id, row) => Html.If(row.Text == "other",
        $"""<li id="{id}" class="other"><b>{row.Text}</b></li>""",
        $"""<li id="{id}">{row.Text}</li>"""));

    /// <summary>One stream operation of <see cref="StreamScenario"/>.</summary>
    public void StreamOp(string op, LiveEvent e)
    {
        switch (op)
        {
            case "append": rows.Insert((count + 10, "appended")); break;
            case "append-other": rows.Insert((count + 10, "other")); break;
            case "prepend": rows.Insert((count + 10, "prepended"), at: 0); break;
            case "insert-at-2": rows.Insert((count + 10, "at 2"), at: 2); break;
            case "update-1": rows.Insert((1, "one, updated")); break;
            case "update-only-9": rows.Update((9, "never added")); break;
            case "update-only-2": rows.Update((2, "two, updated")); break;
            case "delete-3": rows.DeleteById("row-3"); break;
            case "append-limit-minus-4": rows.Insert((count + 10, "kept last"), limit: -4); break;
            case "prepend-limit-3": rows.Insert((count + 10, "kept first"), at: 0, limit: 3); break;
            case "append-five-limit-minus-2":
                // The stream queues only the last two: what the client would keep of the five.
                for (var i = 0; i < 5; i++)
                {
                    rows.Insert((1000 + (count * 10) + i, $"burst {i}"), limit: -2);
                }

                break;
            case "reset": rows.Reset([(100, "after reset"), (101, "second after reset")]); break;
        }

        Log($"stream_op({op})", e);
    }

    /// <summary>The checkbox scenarios' state: the server renders it back, as a real view must (Phoenix resets a control to the server's render).</summary>
    public bool Checked { get; private set; }

    public void Check(string? value, LiveEvent e)
    {
        Checked = value == "on";
        Log($"check({value ?? "null"})", e);
    }

    public void Hit(LiveEvent e) => Log("hit", e);

    public void Other(LiveEvent e) => Log("other", e);

    public void Outer(LiveEvent e) => Log("outer", e);

    public void Pick(string? value, LiveEvent e) => Log($"pick({value ?? "null"})", e);

    public void Save(string? title, LiveEvent e) => Log($"save({title ?? "null"})", e);

    public void Args(int number, string text, bool flag, LiveEvent e) => Log($"args({number},{text},{flag})", e);

    /// <summary>What a delegate binding (<c>@click="{{(LiveEvent e) => view.Delegate(e)}}"</c>) runs.</summary>
    public void Delegate(LiveEvent e) => Log("delegate", e);

    private void Log(string handler, LiveEvent e)
    {
        count++;
        last = handler;
        recorder.Record(run, new RecordedEvent(handler, e.Type, Canonical(e.Value), e.Target));
    }

    /// <summary>The value as JSON, written the same way whichever client sent it (JSON escapes differ: <c>&amp;</c> or <c>\u0026</c>).</summary>
    private static string Canonical(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined => "",
        JsonValueKind.String => value.GetString()!,
        _ => JsonNode.Parse(value.GetRawText())!.ToJsonString(Relaxed),
    };

    public override Html Render() => $"""
        <p id="log">{count} {last}</p>
        {scenario.Render(this)}
        """;
}
