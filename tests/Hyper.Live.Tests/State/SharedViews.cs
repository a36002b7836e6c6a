namespace Hyper.Live.Tests.State;

/// <summary>Shows the shared count named by <c>?name=</c> (while <c>show</c>) and counts its own renders.</summary>
public sealed class SharedCountView : LiveView
{
    private Shared<int> count = null!;
    private bool show = true;

    /// <summary>Completed by a test to let <see cref="Wait"/> return: the mailbox is busy until then.</summary>
    public static TaskCompletionSource? Gate { get; set; }

    public int Renders { get; private set; }

    protected internal override void Mount(LiveParams parameters) => count = Shared.Get(parameters["name"]!, () => 0);

    public void Bump() => count.Update(n => n + 1);

    public void Hide() => show = false;

    public async Task Wait() => await Gate!.Task;

    public override Html Render()
    {
        Renders++;
        return $$"""
            <p id="count">{{(show ? count.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "hidden")}}</p>
            <button id="bump" @click="bump">+</button><button id="hide" @click="hide">hide</button><button id="wait" @click="wait">wait</button>
            """;
    }
}

/// <summary>Never reads the shared value; counts its renders.</summary>
public sealed class NonReaderView : LiveView
{
    public int Renders { get; private set; }

    public override Html Render()
    {
        Renders++;
        return $"<p>static</p>";
    }
}

/// <summary>
/// Lists what reaches <c>HandleInfo</c> with its topic; sends to other sessions by id; subscribes to <c>?topic=</c>.
/// </summary>
public sealed class MessagesView : LiveView
{
    private readonly List<string> received = [];

    public int Delivered { get; private set; }

    protected internal override void Mount(LiveParams parameters)
    {
        if (parameters["topic"] is { } topic)
        {
            Subscribe(topic);
        }
    }

    public void Send(string to) => Delivered = BroadcastTo([to, "no-such-session"], "hello from " + SessionId);

    public void SendAll() => Delivered = BroadcastToAll("to all");

    public Task Publish(string topic) => BroadcastAsync(topic, "news").AsTask();

    protected internal override void HandleInfo(string? topic, object message) => received.Add((topic ?? "-") + ": " + message);

    public override Html Render() => $$"""
        <ul>{{Html.Each(received, line => $"<li>{line}</li>")}}</ul><p id="delivered">{{Delivered}}</p>
        <button id="send" @click="send(to)" value="">send</button><button id="all" @click="send_all">all</button>
        <button id="publish" @click="publish(topic)">publish</button>
        """;
}

/// <summary>The old topic-less <c>HandleInfo</c> still receives everything.</summary>
public sealed class TopiclessView : LiveView
{
    private string last = "";

    protected internal override void Mount(LiveParams parameters) => Subscribe("old-style:" + parameters["name"]);

    protected internal override void HandleInfo(object message) => last = (string)message;

    public override Html Render() => $"<p id=\"last\">{last}</p>";
}

/// <summary>Takes and releases the lease <c>?resource=</c>, shows who holds it, and can crash.</summary>
public sealed class LeaseView : LiveView
{
    private string resource = "";
    private Lease? lease;
    private bool refused;

    protected internal override void Mount(LiveParams parameters) => resource = parameters["resource"]!;

    public void Take()
    {
        lease = TryAcquireLease(resource);
        refused = lease is null;
    }

    public void Give() => lease?.Release();

    public void Crash() => throw new InvalidOperationException("boom");

    public override Html Render() => $$"""
        <p id="holder">{{Lease.HolderOf(resource) ?? "free"}}</p><p id="refused">{{refused}}</p>
        <button id="take" @click="take">take</button><button id="give" @click="give">give</button><button id="crash" @click="crash">crash</button>
        """;
}
