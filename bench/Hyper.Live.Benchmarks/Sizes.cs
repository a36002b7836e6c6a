using System.Text;
using System.Text.Json;
using Hyper.Live.Diffing;
using Hyper.Live.Templates;
using Hyper.Live.Protocol;

namespace Hyper.Live.Benchmarks;

/// <summary>
/// <c>--sizes</c>: the bytes a diff costs, not a timing. Prints the JSON of the diff object
/// (what the reply carries under <c>"diff"</c>) and the whole reply frame (the WebSocket
/// text payload, before the 2–4 byte WebSocket header and any compression).
/// </summary>
internal static class Sizes
{
    public static void Print()
    {
        Console.WriteLine("Payload sizes (UTF-8 bytes; frame = whole Phoenix reply, the WebSocket message payload)");
        Console.WriteLine();

        var counter = SampleViews.Counter();
        var counterDiffer = new Differ();
        Show("Counter join (full render)", Capture(counterDiffer, counter.Render, DiffKeys.Rendered), full: true);
        counter.Increment();
        Show("Counter click (count 0 -> 1)", Capture(counterDiffer, counter.Render, "diff"), full: true);
        for (var i = 1; i < 99; i++)
        {
            counter.Increment();
            Capture(counterDiffer, counter.Render, "diff");
        }

        counter.Increment();
        Show("Counter click (count 99 -> 100)", Capture(counterDiffer, counter.Render, "diff"), full: true);

        var table = SampleViews.Table();
        var tableDiffer = new Differ();
        Show("Table join (full render, 1,000 rows)", Capture(tableDiffer, table.Render, DiffKeys.Rendered), full: false);
        table.Update();
        Show("Table one row changed (click 1: row 37)", Capture(tableDiffer, table.Render, "diff"), full: true);

        // Clicks 2..1000: every row index width and value width the page produces in its first 1,000 clicks.
        var diffs = new List<int> { };
        var frames = new List<int> { };
        for (var n = 2; n <= 1000; n++)
        {
            table.Update();
            var payload = Capture(tableDiffer, table.Render, "diff");
            diffs.Add(payload.Diff.Length);
            frames.Add(payload.Frame.Length);
        }

        Console.WriteLine($"Table one row changed, clicks 2..1000: diff min {diffs.Min()} / mean {diffs.Average():F1} / max {diffs.Max()} B; " +
            $"frame min {frames.Min()} / mean {frames.Average():F1} / max {frames.Max()} B");
        Console.WriteLine();
        Show("Table nothing changed", Capture(tableDiffer, table.Render, "diff"), full: true);
    }

    private static (string Diff, byte[] Frame) Capture(Differ differ, Func<Html> render, string property)
    {
        using (RenderArena.Enter())
        {
            var frame = Wire.Reply(differ, render(), property);
            try
            {
                var bytes = frame.Memory.ToArray();
                using var document = JsonDocument.Parse(bytes);
                var response = document.RootElement[4].GetProperty("response");
                var diff = response.TryGetProperty(property, out var element) ? element.GetRawText() : "";
                return (diff, bytes);
            }
            finally
            {
                frame.Release();
            }
        }
    }

    private static void Show(string title, (string Diff, byte[] Frame) payload, bool full)
    {
        var diffBytes = Encoding.UTF8.GetByteCount(payload.Diff);
        Console.WriteLine($"{title}: diff {diffBytes} B, frame {payload.Frame.Length} B");
        if (full)
        {
            Console.WriteLine("  " + Encoding.UTF8.GetString(payload.Frame));
        }

        Console.WriteLine();
    }
}
