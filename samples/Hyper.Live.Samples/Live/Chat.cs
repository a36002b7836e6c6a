using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;

namespace Hyper.Live.Samples.Live;

/// <summary>
/// The seed's chat (mapped at /chat/{room} in Program.cs): everyone in a room sees each other's
/// messages, and who joins and leaves, through pub/sub. An empty message is refused and the page
/// says why (<see cref="LiveView.InputErrors"/>); a sent one empties the input for the next.
/// The history is a <see cref="LiveStream{T}"/>: each message is sent to the browser once and the view
/// keeps none of them; the browser keeps the last 100 (<c>?keep=</c> sets another number). The room keeps
/// its last 100 messages in a <see cref="Shared{T}"/>, so a late joiner (or a page reconnecting after the
/// browser emptied its list) sees them. Authors can delete their messages for everyone; Clear empties
/// this page's history.
/// </summary>
public sealed class Chat : LiveView
{
    private static long lastMessageId;

    private readonly LiveStream<Line> history = Stream<Line>(line => $"m-{line.Id}");

    // The ids of the messages this page sent (the latest ones only): who may delete what.
    private readonly Queue<string> mine = new();
    private string room = "";
    private string name = "";
    private int keep = 100;

    // Messages this page sent. The input's id changes with it, so the browser replaces the input
    // with an empty one after each message (it keeps what was typed into an input the render keeps).
    private int sent;

    private const int RoomHistory = 100;

    // Room names come from the URL: past this many rooms, a new room has no history (the process would
    // otherwise keep one for every name a browser makes up).
    private const int MaxRoomsWithHistory = 1000;

    private static readonly ConcurrentDictionary<string, Shared<ImmutableList<Line>>> Histories = new(StringComparer.Ordinal);

    private string Topic => "chat:" + room;

    // Not read in Render, so its changes re-render nobody: new lines reach pages through pub/sub.
    private Shared<ImmutableList<Line>>? RoomLines => Histories.Count < MaxRoomsWithHistory
        ? Histories.GetOrAdd(room, _ => new([], autoBroadcast: false))
        : Histories.GetValueOrDefault(room);

    private IEnumerable<Line> RecentLines => RoomLines?.Value.TakeLast(keep) ?? [];

    protected override void Mount(LiveParams parameters)
    {
        room = parameters["room"] ?? "lobby";
        name = parameters["name"] ?? "guest-" + Random.Shared.Next(1000, 10000);
        keep = int.TryParse(parameters["keep"], out var n) && n > 0 ? Math.Min(n, 1000) : 100;
        Title = "#" + room;
        history.InsertMany(RecentLines);
    }

    protected override Task OnReattachAsync(CancellationToken cancellationToken)
    {
        history.Reset(RecentLines);
        return Task.CompletedTask;
    }

    protected override async Task OnMountAsync(CancellationToken cancellationToken)
    {
        Subscribe(Topic);
        await BroadcastAsync(Topic, new Joined(NextId(), name), cancellationToken);
    }

    protected override async ValueTask OnUnmountAsync() => await BroadcastAsync(Topic, new Left(NextId(), name));

    public async Task Send([Required(ErrorMessage = "Type a message first."), StringLength(500)] string message)
    {
        var id = NextId();
        mine.Enqueue(id);
        if (mine.Count > keep)
        {
            mine.Dequeue();
        }

        var said = new Said(id, name, message.Trim());
        RoomLines?.Update(lines => lines.Count < RoomHistory ? lines.Add(said.Line) : lines.RemoveAt(0).Add(said.Line));
        await BroadcastAsync(Topic, said);
        sent++;
        Focus($"#message-{sent}");
    }

    public async Task Delete(string id)
    {
        if (mine.Contains(id))
        {
            RoomLines?.Update(lines => lines.RemoveAll(line => line.Id == id));
            await BroadcastAsync(Topic, new Deleted(id));
        }
    }

    public void Clear() => history.Reset();

    protected override void HandleInfo(object message)
    {
        switch (message)
        {
            case Joined joined:
                Add(new Line(joined.Id, joined.Name == name ? "You joined as " + name : joined.Name + " joined", System: true));
                break;
            case Left left:
                Add(new Line(left.Id, left.Name + " left", System: true));
                break;
            case Said said:
                Add(said.Line);
                break;
            case Deleted deleted:
                history.DeleteById($"m-{deleted.Id}");
                break;
        }
    }

    public override Html Render() => $$"""
        <section class="chat">
          <h1>#{{room}}</h1>
          <ul id="messages" phx-update="stream">{{history.Render(Message)}}</ul>
          <form id="chat-form" @submit="send">
            <input id="message-{{sent}}" name="message" placeholder="Say something" autocomplete="off">
            <button>Send</button>
            <button type="button" id="clear" @click="clear">Clear</button>
            {{InputErrors.Render()}}
          </form>
        </section>
        """;

    private Html Message(string id, Line line) => $$"""
        <li id="{{id}}" class="{{(line.System ? "system" : "message")}}"><span class="text">{{line.Text}}</span>{{Html.If(mine.Contains(line.Id),
            $"""<button class="delete" title="Delete for everyone" @click="delete({line.Id})">×</button>""")}}</li>
        """;

    private void Add(Line line) => history.Insert(line, limit: -keep);

    private static string NextId() => Interlocked.Increment(ref lastMessageId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Line(string Id, string Text, bool System);

    private sealed record Joined(string Id, string Name);

    private sealed record Left(string Id, string Name);

    private sealed record Said(string Id, string Name, string Text)
    {
        public Line Line => new(Id, Name + ": " + Text, System: false);
    }

    private sealed record Deleted(string Id);
}
