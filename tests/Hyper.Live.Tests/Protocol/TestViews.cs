
namespace Hyper.Live.Tests.Protocol;

public sealed class CounterView : LiveView
{
    private int count;

    public void Increment() => count++;

    [ClientEvent] // pushed by the tests like a hook's pushEvent
    public void Boom() => throw new InvalidOperationException("boom");

    [ClientEvent] // pushed by the tests like a hook's pushEvent
    public async Task Slow()
    {
        await Task.Delay(50);
        count += 10;
    }

    public override Html Render() => $"<h2>Count: {count}</h2><button @click=\"increment\">+</button>";
}

public sealed class RoomView : LiveView
{
    private string room = "";

    protected internal override void Mount(LiveParams parameters)
    {
        room = parameters["room"] ?? "?";
        Title = "Room " + room;
    }

    [ClientEvent] // pushed by the tests like a hook's pushEvent
    public void Rename() => Title = "Renamed";

    public override Html Render() => $"<h1>{room}</h1><p>{(IsConnected ? "live" : "static")}</p>";
}

public sealed class BrokenMountView : LiveView
{
    protected internal override void Mount(LiveParams parameters)
    {
        if (IsConnected)
        {
            throw new InvalidOperationException("mount failed");
        }
    }

    public override Html Render() => $"<p>{1}</p>";
}

/// <summary>Holds a timer and a subscription while connected, and reports them (and its unmount) to the probe.</summary>
public sealed class ResourceView(Realtime.Probe probe) : LiveView
{
    public const string PubSubTopic = "resource-view";

    private int count;

    protected internal override void Mount(LiveParams parameters)
    {
        if (IsConnected)
        {
            Subscribe(PubSubTopic);
            ScheduleInfo("tick", TimeSpan.FromMilliseconds(25));
        }
    }

    protected internal override void HandleInfo(object message) => probe.Record("resource-tick");

    [ClientEvent]
    public void Bump() => count++;

    protected internal override ValueTask OnUnmountAsync()
    {
        probe.Record("resource-unmount");
        return ValueTask.CompletedTask;
    }

    public override Html Render() => $"<p>{count}</p>";
}
