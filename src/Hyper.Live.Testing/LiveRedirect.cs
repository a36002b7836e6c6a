namespace Hyper.Live.Testing;

/// <summary>
/// A full page load the server asked for (a <c>redirect</c>, protocol §6.2), or a live
/// navigation the server refused, which makes the browser load the URL itself.
/// </summary>
/// <param name="To">Where the browser goes: a path (<c>/login?next=%2F</c>) or an absolute URL.</param>
/// <param name="Flash">The signed flash token the browser carries to that page in the <c>__phoenix_flash__</c> cookie, if any.</param>
public sealed record LiveRedirect(string To, string? Flash);
