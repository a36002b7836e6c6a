namespace Hyper.Live.Testing.Connection;

/// <summary>What a <see cref="PendingRequest"/> was, which decides how its reply is applied.</summary>
internal enum PendingKind
{
    /// <summary><c>phx_join</c>: the reply carries the full render, or why the join failed.</summary>
    Join,

    /// <summary>An <c>event</c> sent by the test: the reply carries a diff and maybe navigation.</summary>
    Event,

    /// <summary>A form-recovery event sent after a rejoin; part of the rejoin's work.</summary>
    Recovery,

    /// <summary><c>live_patch</c>: the URL changes unless the server answers <c>link_redirect</c>.</summary>
    Patch,

    /// <summary><c>cids_will_destroy</c>: then the cids still absent are destroyed.</summary>
    ComponentsWillDestroy,

    /// <summary><c>cids_destroyed</c>: the client forgets the cids the reply confirms.</summary>
    ComponentsDestroyed,

    /// <summary><c>phx_leave</c>: nothing to apply.</summary>
    Leave,
}
