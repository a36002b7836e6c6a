using System.Text.Json;
using Hyper.Live.Protocol;
using Hyper.Live.Views;

namespace Hyper.Live.Sessions;

/// <summary>
/// Navigation: patches (same view, <c>HandleParams</c>, no remount) carried out after each
/// callback and announced before the render, as Phoenix orders them; navigation away answered
/// in the reply or pushed, then the channel closed.
/// </summary>
internal sealed partial class LiveSession
{
    /// <summary>The <c>live_patch</c> event (a patch link, back/forward): <c>HandleParams</c> for the same view.</summary>
    private async Task<bool> HandleLivePatchAsync(PhoenixMessage message)
    {
        // Only a URL on the view's own site can be a patch; anything else is answered like a URL of no route.
        var target = message.Payload.TryGetProperty("url"u8, out var url) && url.ValueKind == JsonValueKind.String
            ? NavigationUrls.OnSite(url.GetString(), view!.Uri?.Host) : null;
        if (PatchRouteValues(target) is not { } values)
        {
            // Another view: the client navigates there with a fresh join (protocol §5.7).
            Send(FrameWriter.Current.LinkRedirectReply(joinRef, message.Ref, Topic));
            return true;
        }

        await RecoverAsync(() => PatchAsync(target!, values)).ConfigureAwait(false);
        return await FinishAsync(message.Ref).ConfigureAwait(false);
    }

    /// <summary>The route values of <paramref name="target"/> when this same view serves it (a patch), else null.</summary>
    private Dictionary<string, string>? PatchRouteValues(Uri? target) =>
        target is not null && host.Routes.Match(target) is { } route && route.Route.ViewType == view!.GetType() ? route.Values : null;

    /// <summary>Moves the view to <paramref name="target"/> without remounting: <c>HandleParams</c> runs.</summary>
    private Task PatchAsync(Uri target, Dictionary<string, string> values)
    {
        view!.Uri = target;
        return view.HandleParamsAsync(new LiveParams(target, values), lifetime.Token);
    }

    /// <summary>
    /// After a callback: carries out the navigation the view asked for, or renders. Patches run
    /// <c>HandleParams</c> here and are announced before the render (Phoenix's order); a navigation
    /// away ends the session. Returns false when the session must end. <paramref name="error"/>
    /// goes with the render of a refused event.
    /// </summary>
    private async Task<bool> FinishAsync(string? refValue, bool join = false, string? error = null)
    {
        await DeliverParentMessagesAsync().ConfigureAwait(false);
        if (view!.AfterCallbacks is { Count: > 0 } after)
        {
            await RecoverAsync(async () =>
            {
                foreach (var run in after)
                {
                    await run(lifetime.Token).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
        }

        Navigation? patch = null;
        for (var patches = 0; view!.PendingEffects?.Navigation is { Kind: NavigationKind.Patch } next; patches++)
        {
            view.Effects.Navigation = null;
            var target = new Uri(view.Uri ?? new Uri("http://localhost/"), next.To);
            if (PatchRouteValues(target) is not { } values || patches == MaxPatchesPerCallback)
            {
                view.Effects.Navigation = next with { Kind = NavigationKind.Navigate };
                break;
            }

            await PatchAsync(target, values).ConfigureAwait(false);
            patch = next;
            if (!join)
            {
                Send(FrameWriter.Current.LivePatchPush(joinRef, Topic, Target(next, withFlash: false)));
            }
        }

        if (view.PendingEffects?.Navigation is { } away)
        {
            view.Effects.Navigation = null;
            NavigateAway(refValue, away, join);
            return false;
        }

        Render(refValue, join ? patch ?? NoPatch : null, error);
        view.PendingEffects?.ClearReply();
        return true;
    }

    private static readonly Navigation NoPatch = new(NavigationKind.Patch, "", false);

    /// <summary>
    /// Answers with a <c>redirect</c> or <c>live_redirect</c>: in the join's error reply, in the
    /// event's reply (pending push events first, in a diff), or as a push; then closes the channel.
    /// </summary>
    private void NavigateAway(string? refValue, Navigation navigation, bool join)
    {
        if (!join && view!.PendingEffects?.Events is { Count: > 0 })
        {
            Render(refValue: null, join: null, mayWait: false);
        }

        var frames = FrameWriter.Current;
        var redirect = navigation.Kind == NavigationKind.Redirect;
        var target = Target(navigation, withFlash: true);
        Send(refValue is not null
            ? frames.NavigationReply(joinRef, refValue, Topic, ok: !join, redirect, target)
            : frames.NavigationPush(joinRef, Topic, redirect, target));
        Send(frames.ClosePush(joinRef, Topic));
    }

    private NavigationTarget Target(Navigation navigation, bool withFlash) => new(
        navigation.CheckedTo(host.Options.AllowedRedirectHosts),
        // Phoenix's redirect has no kind; "replace" on one is Hyper's, read by the client module (Redirect(path, replace: true)).
        navigation.Replace ? "replace" : navigation.Kind == NavigationKind.Redirect ? null : "push",
        withFlash && view!.Flash.ForNavigation() is { Count: > 0 } flash ? host.Tokens.SignFlash(flash) : null);
}
