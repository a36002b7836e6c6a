namespace Hyper.Live.Tests.Limits;

/// <summary>A view with a bound handler, a rate-limited one, a hook handler and a method no template binds.</summary>
public sealed class GuardedView : LiveView
{
    private int count;
    private string lastError = "";

    public void Increment() => count++;

    public void SetCount(int n) => count = n;

    [RateLimit("2/minute")]
    public void Save() => count += 100;

    [ClientEvent]
    public void FromHook() => count += 1000;

    /// <summary>Bound by a <c>phx-click</c> written out in the template.</summary>
    public void Written() => count += 10_000;

    /// <summary>Bound by a <c>push</c> command written out in the template.</summary>
    public void Commanded() => count += 100_000;

    /// <summary>Public, so it could be called by name, but no template binds it.</summary>
    public void Secret() => count = -1;

    protected internal override void OnError(Exception error) => lastError = error.GetType().Name;

    public override Html Render() => $$"""
        <p>{{count}}</p><p>{{lastError}}</p>
        <button @click="increment">+</button><button @click="setCount(5)">5</button><button @click="save">save</button>
        <button phx-click="written">w</button><button phx-click='[["push",{"event":"commanded"}]]'>c</button>
        """;
}

/// <summary>A view whose every event shares one limit.</summary>
[RateLimit("1/hour")]
public sealed class ThrottledView : LiveView
{
    private int count;

    public void Increment() => count++;

    public override Html Render() => $"""<p>{count}</p><button @click="increment">+</button>""";
}

/// <summary>A view whose limit does not parse.</summary>
[RateLimit("10 per minute")]
public sealed class MisconfiguredView : LiveView
{
    public void Increment()
    {
    }

    public override Html Render() => $"""<button @click="increment">+</button>""";
}
