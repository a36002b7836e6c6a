namespace Hyper.Live.Protocol;

/// <summary>Told once when a sink it deferred to has sent everything it had queued.</summary>
internal interface IDrainListener
{
    /// <summary>The client has caught up; called on the sending thread, so keep it short.</summary>
    void OnDrained();
}
