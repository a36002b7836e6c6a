namespace Hyper.Live.Views;

/// <summary>
/// What the HTTP render saw of its request, signed into the page's session token so the
/// connected view reads the same values (<see cref="LiveRequest"/>).
/// </summary>
/// <param name="Session">The ASP.NET Core session's values as text, when the app uses sessions.</param>
/// <param name="Headers">The headers listed in <see cref="HyperLiveOptions.CapturedHeaders"/> that the request had.</param>
/// <param name="RemoteIpAddress">The client's address as the server saw it (after forwarded-headers middleware, if any).</param>
/// <param name="Culture">The request's culture name (<c>CultureInfo.CurrentCulture</c> during the render).</param>
internal sealed record RequestSnapshot(
    Dictionary<string, string>? Session,
    Dictionary<string, string>? Headers,
    string? RemoteIpAddress,
    string? Culture)
{
    /// <summary>For a join whose token predates the snapshot, or a page rendered without one.</summary>
    public static RequestSnapshot Empty { get; } = new(null, null, null, null);
}
