namespace Hyper.Live.Testing.Tests;

/// <summary>A feed kept in a <see cref="LiveStream{T}"/>: the view remembers only the next id. Its handlers are pushed as a hook would.</summary>
public sealed class FeedView : LiveView
{
    private readonly LiveStream<Post> posts = Stream<Post>(p => $"posts-{p.Id}");
    private int nextId = 1;

    /// <summary>The stream, for asserting that nothing stays queued after a render.</summary>
    public LiveStream<Post> Posts => posts;

    protected override void Mount(LiveParams parameters) =>
        posts.InsertMany([new Post(nextId++, "first"), new Post(nextId++, "second")]);

    /// <summary>The browser empties stream containers on a rejoin: a re-attached view inserts what they should show.</summary>
    protected override Task OnReattachAsync(CancellationToken cancellationToken)
    {
        posts.Insert(new Post(nextId++, "again"));
        return Task.CompletedTask;
    }

    [ClientEvent]
    public void Add(string text) => posts.Insert(new Post(nextId++, text));

    [ClientEvent]
    public void AddTop(string text, int? limit) => posts.Insert(new Post(nextId++, text), at: 0, limit: limit);

    [ClientEvent]
    public void AddLimited(string text, int limit) => posts.Insert(new Post(nextId++, text), limit: limit);

    [ClientEvent]
    public void AddAt(string text, int at) => posts.Insert(new Post(nextId++, text), at: at);

    [ClientEvent]
    public void Edit(int id, string text) => posts.Insert(new Post(id, text));

    [ClientEvent]
    public void Touch(int id, string text) => posts.Update(new Post(id, text));

    [ClientEvent]
    public void Remove(int id) => posts.DeleteById($"posts-{id}");

    [ClientEvent]
    public void Restart() => posts.Reset([new Post(nextId++, "fresh")]);

    public override Html Render() => $$"""
        <h1>Feed</h1>
        <ul id="posts" phx-update="stream">{{posts.Render((id, p) => $"""<li id="{id}">{p.Text}</li>""")}}</ul>
        """;

    /// <summary>One post.</summary>
    public sealed record Post(int Id, string Text);
}
