namespace Hyper.Live.Samples;

/// <summary>The samples, in the order the navigation bar and the index show them.</summary>
public static class SampleCatalog
{
    /// <summary>Each sample's link, short name and what it shows.</summary>
    public static IReadOnlyList<(string Href, string Name, string Shows)> All { get; } =
    [
        ("/counter", "Counter", "state in fields, handlers as methods"),
        ("/todos", "Todos", "bindings with arguments, modifiers, delegates"),
        ("/search", "Search", "debounce and an intermediate render"),
        ("/signup", "Signup", "typed forms and validation"),
        ("/chat/lobby", "Chat", "pub/sub: open it in two windows"),
        ("/dashboard", "Dashboard", "timers pushing updates"),
        ("/users?page=1", "Users", "pagination with live patches"),
        ("/commands", "Commands", "hooks, flash, focus, scroll, download, navigation"),
        ("/notices", "Notices", "several flash messages of a kind, a redirect replacing the history entry, scroll to top"),
        ("/links", "Links", "user-typed URLs: script URLs are not rendered"),
        ("/board", "Board", "pointer position and modifier keys: click to draw, shift-click to erase"),
    ];
}
