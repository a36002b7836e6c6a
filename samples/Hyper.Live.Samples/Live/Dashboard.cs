using System.Globalization;

namespace Hyper.Live.Samples.Live;

/// <summary>
/// The dashboard: a clock ticking every second and a value refreshed every 5 s until stopped, per page, and metrics
/// shared by every open dashboard (viewers now, pings from all of them) that each page shows live.
/// </summary>
public sealed class Dashboard : LiveView
{
    // One value for the whole server: a change re-renders every dashboard (and only the dashboards) that show it.
    private static readonly Shared<Metrics> Shared = new(new Metrics(Viewers: 0, Pings: 0));

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
            Shared.Update(m => m with { Viewers = m.Viewers + 1 });
        }
    }

    public void StopRefresh() => refresh?.Cancel();

    public void Ping() => Shared.Update(m => m with { Pings = m.Pings + 1 });

    protected override ValueTask OnUnmountAsync()
    {
        Shared.Update(m => m with { Viewers = m.Viewers - 1 });
        return ValueTask.CompletedTask;
    }

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
          {{SharedMetrics(Shared.Value)}}
        </section>
        """;

    private static Html SharedMetrics(Metrics metrics) => $$"""
        <p class="shared-metrics">Dashboards open: <span id="viewers">{{metrics.Viewers}}</span> ·
          pings from all of them: <span id="pings">{{metrics.Pings}}</span>
          <button id="ping" @click="ping">Ping</button></p>
        """;

    /// <summary>What every dashboard shares.</summary>
    private sealed record Metrics(int Viewers, int Pings);

    private sealed record Tick
    {
        public static readonly Tick Instance = new();
    }

    private sealed record Refresh
    {
        public static readonly Refresh Instance = new();
    }
}
