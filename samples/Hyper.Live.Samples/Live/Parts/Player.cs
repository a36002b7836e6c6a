namespace Hyper.Live.Samples.Live.Parts;

/// <summary>
/// A music player: a sticky live view in the radio page's layout. It has its own state and its own timer,
/// and keeps both while the main view navigates live to other samples.
/// </summary>
public sealed class Player : LiveView<PlayerProps>
{
    private static readonly string[] Tracks = ["Morning Ride", "Blue Hour", "Night Drive"];

    private int track;
    private int seconds;
    private LiveTimer? clock;

    public void Toggle()
    {
        if (clock is null)
        {
            clock = ScheduleInfo("tick", TimeSpan.FromSeconds(1));
        }
        else
        {
            clock.Cancel();
            clock = null;
        }
    }

    public void Next()
    {
        track = (track + 1) % Tracks.Length;
        seconds = 0;
    }

    protected override void HandleInfo(object message)
    {
        if (message is "tick")
        {
            seconds++;
        }
    }

    public override Html Render() => $$"""
        <aside class="player" aria-label="Player">
          <span class="station">{{Props.Station}}</span>
          <span class="track">{{Tracks[track]}}</span>
          <span class="elapsed">{{seconds / 60}}:{{(seconds % 60).ToString("00", System.Globalization.CultureInfo.InvariantCulture)}}</span>
          <button class="toggle" @click="toggle">{{(clock is null ? "Play" : "Pause")}}</button>
          <button class="next" @click="next">Next</button>
        </aside>
        """;
}
