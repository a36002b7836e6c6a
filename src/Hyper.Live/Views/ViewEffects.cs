namespace Hyper.Live.Views;

/// <summary>
/// What one callback (a mount, an event, an info) asked of the page besides its render: a
/// navigation, push events, a reply to a hook's event, a changed title. The session carries them
/// out after the callback and clears them. Created on a view's first such request: most views
/// never make one.
/// </summary>
internal sealed class ViewEffects
{
    /// <summary>The navigation asked for, if any; the last one asked wins.</summary>
    public Navigation? Navigation { get; set; }

    /// <summary>Push events (<c>phx:NAME</c>) in the order they were asked for.</summary>
    public List<KeyValuePair<string, object?>>? Events { get; set; }

    /// <summary>The payload given to <c>Reply</c>, meaningful when <see cref="HasReply"/> is set.</summary>
    public object? Reply { get; private set; }

    /// <summary>Whether the callback answered a hook's event (a null payload is an answer too).</summary>
    public bool HasReply { get; private set; }

    /// <summary>Whether the title changed since it was last sent.</summary>
    public bool TitleChanged { get; set; }

    /// <summary>Records the answer to the event being handled.</summary>
    public void SetReply(object? payload)
    {
        Reply = payload;
        HasReply = true;
    }

    /// <summary>Forgets the reply: it answers one event, and one set outside an event has no one to go to.</summary>
    public void ClearReply()
    {
        Reply = null;
        HasReply = false;
    }
}
