namespace Hyper.Live.Samples.Live;

/// <summary>
/// A drawing board: a click puts a dot where the pointer was (<c>@click.pointer</c> sends the
/// position), a shift-click erases the dots near it (the modifier keys come with every click).
/// </summary>
public sealed class Board : LiveView
{
    private const double EraseRadius = 12;
    private readonly List<(int X, int Y)> dots = [];
    private string last = "Click to draw, shift-click to erase.";

    public void Draw(LiveEvent click)
    {
        if (click.Pointer is not { } pointer)
        {
            return;
        }

        var (x, y) = ((int)pointer.OffsetX, (int)pointer.OffsetY);
        if (click.Modifiers.HasFlag(KeyModifiers.Shift))
        {
            var erased = dots.RemoveAll(d => Math.Sqrt(Math.Pow(d.X - x, 2) + Math.Pow(d.Y - y, 2)) <= EraseRadius);
            last = $"Erased {erased} at {x}, {y}";
        }
        else
        {
            dots.Add((x, y));
            last = $"Drew at {x}, {y}";
        }
    }

    public void Clear() => dots.Clear();

    public override Html Render() => $$"""
        <section class="board">
          <h1>Board</h1>
          <div id="canvas" class="canvas" @click.pointer="draw">
            {{Html.Each(dots, Dot)}}
          </div>
          <p id="last">{{last}}</p>
          <p><span id="count">{{dots.Count}}</span> dots <button @click="clear">Clear</button></p>
        </section>
        """;

    private static Html Dot((int X, int Y) dot) => $$"""<span class="dot" style="left: {{dot.X - 4}}px; top: {{dot.Y - 4}}px"></span>""";
}
