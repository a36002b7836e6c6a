using System.Collections.Concurrent;

namespace Hyper.Live.Tests.Sessions;

/// <summary>What the survival tests' views report: their mounts, the session ids they saw, broadcasts they handled.</summary>
public sealed class SurvivalProbe
{
    public ConcurrentQueue<string> Mounts { get; } = new();

    public ConcurrentQueue<string> Ended { get; } = new();

    /// <summary>The SessionId of each HTTP render, in order.</summary>
    public ConcurrentQueue<string> DeadRenders { get; } = new();
}

/// <summary>A counter that also counts pub/sub messages, so a test sees what a detached view handled.</summary>
public sealed class SurvivorView(SurvivalProbe probe) : LiveView
{
    private int count;
    private int news;

    protected internal override void Mount(LiveParams parameters)
    {
        if (IsConnected)
        {
            probe.Mounts.Enqueue(SessionId);
            Subscribe("survival-news");
        }
        else
        {
            probe.DeadRenders.Enqueue(SessionId);
        }
    }

    public void Increment() => count++;

    protected internal override void HandleInfo(object message) => news++;

    protected internal override ValueTask OnUnmountAsync()
    {
        probe.Ended.Enqueue(SessionId);
        return ValueTask.CompletedTask;
    }

    public override Html Render() => $"<h2>Count: {count}</h2><p>News: {news}</p><button @click=\"increment\">+</button>";
}

/// <summary>Another view to live-navigate to.</summary>
public sealed class OtherSurvivorView(SurvivalProbe probe) : LiveView
{
    protected internal override void Mount(LiveParams parameters)
    {
        if (IsConnected)
        {
            probe.Mounts.Enqueue("other:" + SessionId);
        }
    }

    public override Html Render() => $"<p>other</p>";
}

/// <summary>A wizard whose step and answers persist; <c>Mount</c> counts how often it runs.</summary>
public sealed class PersistentView(SurvivalProbe probe) : LiveView
{
    [Persist]
    private int step = 1;

    [Persist]
    public List<string> Answers { get; private set; } = [];

    private string greeting = "";

    protected internal override void Mount(LiveParams parameters)
    {
        greeting = "hello";
        if (IsConnected)
        {
            probe.Mounts.Enqueue(SessionId);
        }
    }

    public void Next(string value)
    {
        Answers.Add(value);
        step++;
    }

    public override Html Render() => $"<p>Step {step}</p><p>{string.Join(",", Answers)}</p><p>{greeting}</p><button @click=\"next(value)\" value=\"x\">next</button>";
}
