using Hyper.Live.Protocol;

namespace Hyper.Live.Sessions;

/// <summary>Something for a session's mailbox: a frame from the browser or a message for the view.</summary>
internal abstract record SessionMessage
{
    /// <summary>A frame for this session's topic.</summary>
    internal sealed record FromClient(PhoenixMessage Message) : SessionMessage;

    /// <summary>A message for <c>HandleInfo</c>.</summary>
    internal sealed record Info(object Message) : SessionMessage;

    /// <summary>View code to run in the mailbox: the completion of background work.</summary>
    internal sealed record Callback(Action Run) : SessionMessage;
}
