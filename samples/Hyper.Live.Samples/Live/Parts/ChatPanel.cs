namespace Hyper.Live.Samples.Live.Parts;

/// <summary>
/// The dashboard's chat: a live component. What is typed goes up to the view (<see cref="ChatPost"/>),
/// which broadcasts it; what anyone said comes back down with <c>SendUpdate</c>.
/// </summary>
public sealed class ChatPanel : LiveComponent
{
    private readonly List<string> lines = [];

    // Messages sent from here: the input's id changes with it, so the browser empties it.
    private int sent;

    public IReadOnlyList<string> Lines => lines;

    /// <summary>Adds a line someone said (called through <c>SendUpdate</c>).</summary>
    public void Add(string line)
    {
        lines.Add(line);
        if (lines.Count > 50)
        {
            lines.RemoveAt(0);
        }
    }

    public void Send(string message)
    {
        if (!string.IsNullOrWhiteSpace(message))
        {
            SendParent(new ChatPost(message.Trim()));
            sent++;
        }
    }

    public override Html Render() => $$"""
        <section class="card chat-panel" id="chat-panel">
          <h2>Chat</h2>
          <ul class="lines">{{Html.Each(lines, line => $"<li>{line}</li>")}}</ul>
          <form id="chat-panel-form" @submit="send">
            <input id="chat-message-{{sent}}" name="message" placeholder="Say something" autocomplete="off">
            <button>Send</button>
          </form>
        </section>
        """;
}
