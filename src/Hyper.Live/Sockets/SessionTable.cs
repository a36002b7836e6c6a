using Hyper.Live.Sessions;
namespace Hyper.Live.Sockets;

/// <summary>
/// The live sessions of one socket by topic; thread-safe (the receive loop adds and routes,
/// sessions remove themselves from their own threads). A browser tab usually joins one view,
/// so the first session lives in two fields and a dictionary appears only for a second one:
/// a <c>ConcurrentDictionary</c> cost each socket about 0.6 KB before its first entry.
/// </summary>
internal sealed class SessionTable
{
    private readonly Lock gate = new();
    private string? firstTopic;
    private LiveSession? first;
    private Dictionary<string, LiveSession>? others;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return (first is null ? 0 : 1) + (others?.Count ?? 0);
            }
        }
    }

    /// <summary>The sessions now, in no particular order.</summary>
    public LiveSession[] All()
    {
        lock (gate)
        {
            if (first is null)
            {
                return others is null ? [] : [.. others.Values];
            }

            return others is null ? [first] : [first, .. others.Values];
        }
    }

    public bool TryGet(string topic, out LiveSession session)
    {
        lock (gate)
        {
            if (first is not null && firstTopic == topic)
            {
                session = first;
                return true;
            }

            session = null!;
            return others is not null && others.TryGetValue(topic, out session!);
        }
    }

    /// <summary>Adds or replaces the session of <paramref name="topic"/>.</summary>
    public void Set(string topic, LiveSession session)
    {
        lock (gate)
        {
            if (first is null || firstTopic == topic)
            {
                (firstTopic, first) = (topic, session);
            }
            else
            {
                (others ??= new(StringComparer.Ordinal))[topic] = session;
            }
        }
    }

    public bool TryRemove(string topic, out LiveSession session)
    {
        lock (gate)
        {
            if (first is not null && firstTopic == topic)
            {
                session = first;
                (firstTopic, first) = (null, null);
                return true;
            }

            session = null!;
            return others is not null && others.Remove(topic, out session!);
        }
    }

    /// <summary>Removes <paramref name="session"/> if it still holds its topic (a duplicate join may have replaced it).</summary>
    public void Remove(LiveSession session)
    {
        lock (gate)
        {
            if (first == session)
            {
                (firstTopic, first) = (null, null);
            }
            else if (others is not null && others.TryGetValue(session.Topic, out var current) && current == session)
            {
                others.Remove(session.Topic);
            }
        }
    }

    /// <summary>Puts <paramref name="replacement"/> in the place of <paramref name="current"/>; false when that no longer holds its topic.</summary>
    public bool Replace(LiveSession current, LiveSession replacement)
    {
        lock (gate)
        {
            if (first == current)
            {
                first = replacement;
                return true;
            }

            if (others is not null && others.TryGetValue(current.Topic, out var held) && held == current)
            {
                others[current.Topic] = replacement;
                return true;
            }

            return false;
        }
    }

    /// <summary>Empties the table and returns what it held.</summary>
    public LiveSession[] RemoveAll()
    {
        lock (gate)
        {
            var all = new List<LiveSession>((first is null ? 0 : 1) + (others?.Count ?? 0));
            if (first is not null)
            {
                all.Add(first);
            }

            all.AddRange(others?.Values ?? Enumerable.Empty<LiveSession>());
            (firstTopic, first) = (null, null);
            others = null;
            return [.. all];
        }
    }
}
