
namespace Hyper.Live.Tests.Realtime;

/// <summary>Timers: three one-shot messages in order, and a recurring one reported to the probe.</summary>
public sealed class TimerView(Probe probe) : LiveView
{
    private readonly List<string> received = [];
    private LiveTimer? ticking;
    private string id = "";

    protected internal override void Mount(LiveParams parameters)
    {
        id = parameters["probe"] ?? "";
        if (IsConnected)
        {
            SendAfter("c", TimeSpan.FromMilliseconds(90));
            SendAfter("a", TimeSpan.FromMilliseconds(30));
            SendAfter("b", TimeSpan.FromMilliseconds(60));
            SendAfter("never", TimeSpan.FromMilliseconds(60)).Cancel();
        }
    }

    [ClientEvent] // pushed by the tests like a hook's pushEvent
    public void StartTicking() => ticking = ScheduleInfo("tick", TimeSpan.FromMilliseconds(20));

    [ClientEvent] // pushed by the tests like a hook's pushEvent
    public void StopTicking() => ticking?.Cancel();

    protected internal override void HandleInfo(object message)
    {
        if (message is "tick")
        {
            probe.Record("tick:" + id);
            return;
        }

        received.Add((string)message);
    }

    public override Html Render() => $"<p>{string.Join(",", received)}</p>";
}

/// <summary>Navigation, pushes, flash, errors and async work.</summary>
public sealed class NavView(Probe probe) : LiveView
{
    private string x = "";
    private string state = "idle";
    private string news = "";

    protected internal override void Mount(LiveParams parameters)
    {
        Title = "Nav";
        if (IsConnected)
        {
            Subscribe("news");
        }

        if (parameters["start"] == "1")
        {
            PushPatch("/nav?x=started", replace: true);
        }
    }

    protected internal override Task OnMountAsync(CancellationToken cancellationToken)
    {
        probe.Record("mounted");
        return Task.CompletedTask;
    }

    protected internal override void HandleParams(LiveParams parameters) => x = parameters["x"] ?? "";

    protected internal override void OnError(Exception error) => probe.Record("error:" + error.GetType().Name);

    [ClientEvent] // pushed by the tests like a hook's pushEvent
    public void Patch() => PushPatch("/nav?x=2");

    [ClientEvent] // pushed by the tests like a hook's pushEvent
    public void Navigate()
    {
        Flash.Info("moved");
        PushNavigate("/rooms/blue");
    }

    [ClientEvent] // pushed by the tests like a hook's pushEvent
    public void Leave()
    {
        PushEvent("bye", new { now = true });
        Flash.Info("bye");
        RedirectExternal("https://example.com/out");
    }

    [ClientEvent] // pushed by the tests like a hook's pushEvent
    public void LeaveReplacing() => Redirect("/nav", new Dictionary<string, string?> { ["x"] = "back" }, replace: true);

    [ClientEvent] // pushed by the tests like a hook's pushEvent
    public void Saved() => PushEvent("saved", new { id = 1 });

    [ClientEvent] // pushed by the tests like a hook's pushEvent
    public void Ping(LiveEvent liveEvent) => Reply(new { pong = liveEvent["n"] });

    [ClientEvent] // pushed by the tests like a hook's pushEvent
    public void Rename() => Title = "Renamed";

    [ClientEvent] // pushed by the tests like a hook's pushEvent
    public void Notify() => Flash.Success("Saved!");

    [ClientEvent] // pushed by the tests like a hook's pushEvent
    public void Recover() => throw new RecoverableError("Try again later");

    [ClientEvent] // pushed by the tests like a hook's pushEvent
    public void Boom() => throw new InvalidOperationException("boom");

    [ClientEvent] // pushed by the tests like a hook's pushEvent
    public void FocusName() => Focus("#name");

    [ClientEvent] // pushed by the tests like a hook's pushEvent
    public void Compute() => StartAsync(async token =>
    {
        await Task.Delay(20, token);
        return 42;
    }, result => state = "result " + result);

    [ClientEvent] // pushed by the tests like a hook's pushEvent
    public async Task Search()
    {
        state = "Searching…";
        await RenderNowAsync();
        await Task.Delay(20);
        state = "found";
    }

    protected internal override void HandleInfo(object message)
    {
        if (message is "go-away")
        {
            PushNavigate("/rooms/red", replace: true);
            return;
        }

        news = message.ToString()!;
    }

    public override Html Render() => $"""<p id="x">{x}</p><p id="state">{state}</p><p id="news">{news}</p><div id="flash">{Flash.Render()}</div><input id="name">""";
}
