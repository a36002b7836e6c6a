namespace Hyper.Live.Tests.Transports;

/// <summary>Handles "work" only while <see cref="Gate"/> is open, counting what it handled, in order.</summary>
public sealed class GatedView : LiveView
{
    /// <summary>Closed until the test opens it; shared by the test and the view.</summary>
    public static TaskCompletionSource Gate { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static int handled;

    /// <summary>How many "work" events have been handled, across instances.</summary>
    public static int Handled => Volatile.Read(ref handled);

    /// <summary>Set when an event arrived out of order.</summary>
    public static bool OutOfOrder { get; private set; }

    /// <summary>Starts a test afresh.</summary>
    public static void Reset()
    {
        Gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        handled = 0;
        OutOfOrder = false;
    }

    [ClientEvent]
    public async Task Work(int n)
    {
        await Gate.Task;
        OutOfOrder |= n != Handled;
        Interlocked.Increment(ref handled);
    }

    public override Html Render() => $"<p>{Handled}</p>";
}

/// <summary>A room's counter: every broadcast on "burst" renders the latest count.</summary>
public sealed class BurstView : LiveView
{
    private int count;

    protected internal override void Mount(LiveParams parameters)
    {
        if (IsConnected)
        {
            Subscribe("burst");
        }
    }

    protected internal override void HandleInfo(object message) => count = (int)message;

    public override Html Render() => $"<p>count {count}</p>";
}
