using System.Globalization;

namespace Hyper.Live.Samples.Live;

/// <summary>The seed's dashboard: a clock ticking every second and a value refreshed every 5 s until stopped.</summary>
public sealed class Dashboard : LiveView
{
    private DateTime now = DateTime.Now;
    private int value = Random.Shared.Next(100);
    private int refreshes;
    private LiveTimer? refresh;

    protected override void Mount(LiveParams parameters)
    {
        Title = "Dashboard";
        if (IsConnected)
        {
            ScheduleInfo(Tick.Instance, TimeSpan.FromSeconds(1));
            refresh = ScheduleInfo(Refresh.Instance, TimeSpan.FromSeconds(5));
        }
    }

    public void StopRefresh() => refresh?.Cancel();

    protected override void HandleInfo(object message)
    {
        if (message is Tick)
        {
            now = DateTime.Now;
        }
        else if (message is Refresh)
        {
            value = Random.Shared.Next(100);
            refreshes++;
        }
    }

    public override Html Render() => $$"""
        <section class="dashboard">
          <p>Time: <time id="clock">{{now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}}</time></p>
          <p>Value: <span id="value">{{value}}</span> (refreshed <span id="refreshes">{{refreshes}}</span> times)</p>
          <p id="refresh-state">{{(refresh is { IsCancelled: false } ? "Refreshing every 5 s" : "Refresh stopped")}}</p>
          <button id="stop" @click="stop_refresh">Stop refreshing</button>
        </section>
        """;

    private sealed record Tick
    {
        public static readonly Tick Instance = new();
    }

    private sealed record Refresh
    {
        public static readonly Refresh Instance = new();
    }
}
