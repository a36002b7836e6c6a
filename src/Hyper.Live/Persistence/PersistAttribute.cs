namespace Hyper.Live;

/// <summary>
/// Marks a field or property of a <see cref="LiveView"/> as state that outlives the server: after every callback
/// that changed a marked member, the view's marked members are saved (System.Text.Json, protected and bound to
/// the session) into the app's <see cref="ISessionStore"/>, and a page that rejoins after its session is gone (a
/// restart, a deploy, a crash, or a reconnect later than <see cref="HyperLiveOptions.DisconnectedSessionRetention"/>)
/// gets them back instead of a fresh mount. Mark what the user would miss (a wizard's step and answers, a draft),
/// not what <c>Mount</c> loads anyway, nor secrets. Each member must round-trip through System.Text.Json.
/// </summary>
/// <remarks>
/// Restoring runs <c>Mount</c> first (services, subscriptions, timers and unmarked fields as usual), then sets the
/// marked members from the snapshot, then <c>HandleParams</c> and <c>OnMount</c>. A snapshot written by a version
/// of the view whose marked members differ (names or types) is not applied: the view mounts fresh and the reason is
/// logged.
/// </remarks>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class PersistAttribute : Attribute
{
}
