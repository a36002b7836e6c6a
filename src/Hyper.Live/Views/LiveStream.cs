using Hyper.Live.Templates;

namespace Hyper.Live;

/// <summary>
/// A collection kept in the browser, not on the server (Phoenix's <c>stream/4</c>): for chat histories, feeds
/// and logs too large or too long-lived to hold per page. Queue operations in handlers (<see cref="Insert"/>,
/// <see cref="Delete"/>, <see cref="Reset"/>), and render the stream as the only content of a container with an
/// <c>id</c> and <c>phx-update="stream"</c>:
/// <code>
/// readonly LiveStream&lt;Message&gt; messages = Stream&lt;Message&gt;(m => $"messages-{m.Id}");
///
/// &lt;ul id="messages" phx-update="stream"&gt;{{messages.Render((id, m) => $"""&lt;li id="{id}"&gt;{m.Text}&lt;/li&gt;""")}}&lt;/ul&gt;
/// </code>
/// The next render sends the queued operations and forgets them, items included: the server keeps no rows.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>
/// Each item renders one root element whose <c>id</c> is its DOM id (the id function's result): the browser
/// places, updates and deletes items by that id, so a missing or different id is an error at render time.
/// Inserting an item whose DOM id is already in the page updates that element where it is.
/// </remarks>
public sealed class LiveStream<T>
{
    private readonly Func<T, string> domId;
    private readonly StreamIdentity identity = new();
    private readonly List<(T Item, StreamInsert Insert)> inserts = [];
    private readonly List<string> deletes = [];
    private readonly HashSet<string> deletedIds = new(StringComparer.Ordinal);

    // The DOM ids in inserts: a re-insert replaces the queued one without scanning the queue (InsertMany of 10,000).
    private readonly HashSet<string> queuedIds = new(StringComparer.Ordinal);

    // How many inserts at the end of the queue are appends that all keep the last n items (the last one's limit):
    // counted as they come, so that trimming them to n costs nothing per insert.
    private int appendRun;
    private bool reset;

    /// <summary>Creates a stream whose items get the DOM ids <paramref name="domId"/> returns (<c>m => $"messages-{m.Id}"</c>).</summary>
    /// <param name="domId">The DOM id of an item: unique in the page, stable for the item's life.</param>
    public LiveStream(Func<T, string> domId)
    {
        ArgumentNullException.ThrowIfNull(domId);
        this.domId = domId;
    }

    /// <summary>How many operations wait for the next render (inserts and deletes; a reset counts as one).</summary>
    public int PendingCount => inserts.Count + deletes.Count + (reset ? 1 : 0);

    /// <summary>The DOM id of <paramref name="item"/>.</summary>
    public string DomId(T item)
    {
        var id = domId(item);
        if (string.IsNullOrEmpty(id))
        {
            throw new InvalidOperationException($"The DOM id function of a LiveStream<{typeof(T).Name}> returned an empty id.");
        }

        return id;
    }

    /// <summary>
    /// Inserts <paramref name="item"/>, or updates it in place when an element with its DOM id is in the page.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="at">-1 (the default) appends, 0 prepends, n inserts at index n.</param>
    /// <param name="limit">
    /// After inserting, how many items the browser keeps: a negative limit keeps the last |n| (-100 with appends:
    /// the newest hundred), a positive one the first n (100 with prepends); null keeps all.
    /// </param>
    public void Insert(T item, int at = -1, int? limit = null) => Queue(item, at, limit, updateOnly: false);

    /// <summary>
    /// Inserts <paramref name="items"/> in order, each as <see cref="Insert"/> would (with <c>at: 0</c> each goes
    /// to the top in turn, so the last ends first, as in Phoenix). Items a limit would remove at once are not sent.
    /// </summary>
    /// <param name="items">The items.</param>
    /// <param name="at">-1 (the default) appends, 0 prepends, n inserts at index n.</param>
    /// <param name="limit">How many items the browser keeps afterwards, as for <see cref="Insert"/>.</param>
    public void InsertMany(IEnumerable<T> items, int at = -1, int? limit = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items as IReadOnlyList<T> ?? [.. items];
        var skip = 0;
        if (limit is { } n && ((at == -1 && n < 0) || (at == 0 && n > 0)))
        {
            // Appends keep the last |n|; prepends put the last item first and keep the first n: either way the last |n| items.
            skip = Math.Max(0, list.Count - Math.Abs(n));
        }

        for (var i = skip; i < list.Count; i++)
        {
            Queue(list[i], at, limit, updateOnly: false);
        }
    }

    /// <summary>Updates <paramref name="item"/>'s element in place if the page has it; never adds it.</summary>
    public void Update(T item) => Queue(item, -1, null, updateOnly: true);

    /// <summary>Removes <paramref name="item"/>'s element (found by its DOM id).</summary>
    public void Delete(T item) => DeleteById(DomId(item));

    /// <summary>Removes the element with DOM id <paramref name="id"/>.</summary>
    public void DeleteById(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Unqueue(id);
        if (deletedIds.Add(id))
        {
            deletes.Add(id);
        }
    }

    /// <summary>
    /// Removes every item of this stream from the page, then inserts <paramref name="items"/> (none when null);
    /// operations queued before are dropped.
    /// </summary>
    public void Reset(IEnumerable<T>? items = null)
    {
        inserts.Clear();
        appendRun = 0;
        queuedIds.Clear();
        deletes.Clear();
        deletedIds.Clear();
        reset = true;
        if (items is not null)
        {
            InsertMany(items);
        }
    }

    /// <summary>
    /// The queued operations, with each inserted item rendered by <paramref name="template"/> from its DOM id
    /// and the item; the stream forgets them. Put it alone in a container with an <c>id</c> and
    /// <c>phx-update="stream"</c>, and give each item's root element <c>id="{id}"</c>.
    /// </summary>
    /// <param name="template">Renders one item: <c>(id, m) => $"""&lt;li id="{id}"&gt;{m.Text}&lt;/li&gt;"""</c>.</param>
    public Html Render(Func<string, T, Html> template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var entries = new Html[inserts.Count];
        var batchInserts = new StreamInsert[inserts.Count];
        for (var i = 0; i < inserts.Count; i++)
        {
            var (item, insert) = inserts[i];
            entries[i] = template(insert.DomId, item);
            StreamEntries.CheckItem(entries[i], insert.DomId);
            batchInserts[i] = insert;
        }

        var batch = new StreamBatch(identity, batchInserts, [.. deletes], reset);
        inserts.Clear();
        appendRun = 0;
        queuedIds.Clear();
        deletes.Clear();
        deletedIds.Clear();
        reset = false;
        return Html.Stream(batch, entries);
    }

    private void Queue(T item, int at, int? limit, bool updateOnly)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(at, -1);
        var id = DomId(item);
        Unqueue(id);
        queuedIds.Add(id);
        var keepsLast = at == -1 && limit < 0 && !updateOnly;
        appendRun = !keepsLast ? 0 : appendRun > 0 && inserts[^1].Insert.Limit == limit ? appendRun + 1 : 1;
        inserts.Add((item, new StreamInsert(id, at, limit, updateOnly)));
        if (keepsLast && appendRun > -limit!.Value)
        {
            // Each of these appends prunes the container to the last n: only the last n of them reach the page, so a
            // view that does not render for a while (a detached session) queues no more than that.
            var first = inserts.Count - appendRun;
            queuedIds.Remove(inserts[first].Insert.DomId);
            inserts.RemoveAt(first);
            appendRun--;
        }
    }

    private void Unqueue(string id)
    {
        if (queuedIds.Remove(id))
        {
            var index = inserts.FindIndex(pending => pending.Insert.DomId == id);
            if (index >= inserts.Count - appendRun)
            {
                appendRun--;
            }

            inserts.RemoveAt(index);
        }
    }
}
