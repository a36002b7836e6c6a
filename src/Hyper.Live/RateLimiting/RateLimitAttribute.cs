namespace Hyper.Live;

/// <summary>
/// Limits how often a handler (on a method) or any event of a view (on the class) may run, e.g.
/// <c>[RateLimit("10/minute")]</c>; also <c>"5/second"</c> and <c>"100/hour"</c>. The limit is
/// shared by every tab of the same signed-in user, or of the same IP address when nobody is signed
/// in. An event over the limit does not run: the page gets an error reply and
/// <see cref="LiveView.OnError"/> is called. A string that is not a limit fails when the view's
/// handlers are first looked up, naming the view.
/// </summary>
/// <param name="limit">The number of events, a slash, and <c>second</c>, <c>minute</c> or <c>hour</c>.</param>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class RateLimitAttribute(string limit) : Attribute
{
    /// <summary>The limit as written, e.g. <c>10/minute</c>.</summary>
    public string Limit { get; } = limit;
}
