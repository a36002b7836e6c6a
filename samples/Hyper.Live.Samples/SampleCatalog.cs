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
        ("/wizard", "Wizard", "a three-step form whose step and values survive a restart ([Persist])"),
        ("/chat/lobby", "Chat", "pub/sub, history in a stream, the room's last lines shared: open it in two windows"),
        ("/dashboard", "Dashboard", "timers pushing updates, metrics shared by every viewer"),
        ("/visits", "Visits", "one Shared<int> for every visitor: open it in two windows"),
        ("/profile", "Profile", "Persistent<User> in SQLite: edit it in two browsers"),
        ("/users?page=1", "Users", "pagination with live patches"),
        ("/commands", "Commands", "hooks, flash, focus, scroll, download, navigation"),
        ("/notices", "Notices", "several flash messages of a kind, a redirect replacing the history entry, scroll to top"),
        ("/links", "Links", "user-typed URLs: script URLs are not rendered"),
        ("/avatar", "Avatar", "an upload with image preview and progress"),
        ("/gallery", "Gallery", "multi-file upload: drag and drop, cancel, upload on submit"),
        ("/component-dashboard", "Components", "static components with slots, live components with their own state: the V2 dashboard"),
        ("/component-todos", "Todo rows", "a live component per row, each with its own edit state"),
        ("/board", "Board", "pointer position and modifier keys: click to draw, shift-click to erase"),
        ("/radio", "Radio", "nested live views: a player in the layout that keeps playing across live navigation"),
    ];
}
