namespace Hyper.Live.Events;

/// <summary>An event that did not run: <paramref name="Error"/> for <see cref="LiveView.OnError"/>, <paramref name="Reply"/> for the client.</summary>
/// <param name="Error">What went wrong, with every detail (the view's own code may show or log it).</param>
/// <param name="Reply">The error text sent to the client: outside Development it names no types, parameters or guesses.</param>
internal readonly record struct EventRefusal(Exception Error, string Reply);
