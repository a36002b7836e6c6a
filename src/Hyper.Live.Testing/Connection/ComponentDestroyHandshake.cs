using System.Text.Json.Nodes;
using Hyper.Live.Testing.Dom;

namespace Hyper.Live.Testing.Connection;

/// <summary>
/// The component destroy handshake (protocol §5.7): components whose element a patch removed are announced with
/// <c>cids_will_destroy</c>, then those still absent with <c>cids_destroyed</c>, and the client forgets the ones the
/// server confirms.
/// </summary>
/// <remarks>Owned by the page's channel and touched only on its mailbox.</remarks>
internal sealed class ComponentDestroyHandshake
{
    private readonly HashSet<int> removed = [];
    private readonly Func<PendingKind, string, List<int>, Task> send;

    /// <param name="send">Sends <c>{"cids": [...]}</c> as a request the page tracks: its kind, event name and cids.</param>
    public ComponentDestroyHandshake(Func<PendingKind, string, List<int>, Task> send) => this.send = send;

    /// <summary>A join renders the page afresh: nothing removed before it is announced.</summary>
    public void Reset() => removed.Clear();

    /// <summary>Notes the components a patch took off the page.</summary>
    public void Patched(HashSet<int> before, HashSet<int> after) => removed.UnionWith(before.Except(after));

    /// <summary>Announces the components removed since the last announcement, if the view is joined.</summary>
    public async Task Announce(bool joined)
    {
        if (removed.Count == 0 || !joined)
        {
            return;
        }

        List<int> cids = [.. removed.Order()];
        removed.Clear();
        await send(PendingKind.ComponentsWillDestroy, "cids_will_destroy", cids).ConfigureAwait(false);
    }

    /// <summary>The second and third steps, on the server's answer to <paramref name="request"/>.</summary>
    /// <param name="request">The <c>cids_will_destroy</c> or <c>cids_destroyed</c> answered.</param>
    /// <param name="response">The reply's <c>response</c>.</param>
    /// <param name="document">The page now: a component rendered again meanwhile is not destroyed after all.</param>
    /// <param name="tree">The client's tree, which forgets the confirmed components.</param>
    public async Task Answered(PendingRequest request, JsonObject response, PageDocument document, ClientRenderedTree? tree)
    {
        if (request.Kind == PendingKind.ComponentsWillDestroy)
        {
            var present = document.ComponentIds();
            List<int> absent = [.. request.Components!.Where(cid => !present.Contains(cid))];
            if (absent.Count > 0)
            {
                await send(PendingKind.ComponentsDestroyed, "cids_destroyed", absent).ConfigureAwait(false);
            }

            return;
        }

        tree?.PruneComponents((response["cids"] as JsonArray ?? []).Select(cid => (int)cid!));
    }
}
