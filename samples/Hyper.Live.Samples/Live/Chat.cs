using System.ComponentModel.DataAnnotations;

namespace Hyper.Live.Samples.Live;

/// <summary>
/// The seed's chat (mapped at /chat/{room} in Program.cs): everyone in a room sees each other's
/// messages, and who joins and leaves, through pub/sub. An empty message is refused and the page
/// says why (<see cref="LiveView.InputErrors"/>); a sent one empties the input for the next.
/// </summary>
public sealed class Chat : LiveView
{
    private readonly List<Line> lines = [];
    private string room = "";
    private string name = "";
    private int nextId;

    // Messages this page sent. The input's id changes with it, so the browser replaces the input
    // with an empty one after each message (it keeps what was typed into an input the render keeps).
    private int sent;

    private string Topic => "chat:" + room;

    protected override void Mount(LiveParams parameters)
    {
        room = parameters["room"] ?? "lobby";
        name = parameters["name"] ?? "guest-" + Random.Shared.Next(1000, 10000);
        Title = "#" + room;
    }

    protected override async Task OnMountAsync(CancellationToken cancellationToken)
    {
        Subscribe(Topic);
        await BroadcastAsync(Topic, new Joined(name), cancellationToken);
    }

    protected override async ValueTask OnUnmountAsync() => await BroadcastAsync(Topic, new Left(name));

    public async Task Send([Required(ErrorMessage = "Type a message first."), StringLength(500)] string message)
    {
        await BroadcastAsync(Topic, new Said(name, message.Trim()));
        sent++;
        Focus($"#message-{sent}");
    }

    protected override void HandleInfo(object message)
    {
        switch (message)
        {
            case Joined joined:
                Add(joined.Name == name ? "You joined as " + name : joined.Name + " joined", system: true);
                break;
            case Left left:
                Add(left.Name + " left", system: true);
                break;
            case Said said:
                Add(said.Name + ": " + said.Text, system: false);
                break;
        }
    }

    public override Html Render() => $$"""
        <section class="chat">
          <h1>#{{room}}</h1>
          <ul id="messages">
            {{Html.Each(lines, line => line.Id, line => $"""<li id="m-{line.Id}" class="{(line.System ? "system" : "message")}">{line.Text}</li>""")}}
          </ul>
          <form id="chat-form" @submit="send">
            <input id="message-{{sent}}" name="message" placeholder="Say something" autocomplete="off">
            <button>Send</button>
            {{InputErrors.Render()}}
          </form>
        </section>
        """;

    private void Add(string text, bool system)
    {
        lines.Add(new Line(nextId++, text, system));
        if (lines.Count > 100)
        {
            lines.RemoveAt(0);
        }
    }

    private sealed record Line(int Id, string Text, bool System);

    private sealed record Joined(string Name);

    private sealed record Left(string Name);

    private sealed record Said(string Name, string Text);
}
