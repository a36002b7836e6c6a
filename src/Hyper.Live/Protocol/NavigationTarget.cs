namespace Hyper.Live.Protocol;

/// <summary>
/// Where a navigation goes, as the client reads it (protocol §6.2): <c>{"to": …, "kind": …, "flash": …}</c>.
/// </summary>
/// <param name="To">The path or URL.</param>
/// <param name="Kind">"push" or "replace" for live navigation; null for a redirect, which has no kind.</param>
/// <param name="Flash">The signed flash that travels along, if any.</param>
internal readonly record struct NavigationTarget(string To, string? Kind, string? Flash);
