namespace Hyper.Live.Templates;

/// <summary>
/// Rewrites Hyper's <c>@event</c> attributes into the <c>phx-*</c> bindings the Phoenix
/// client understands. Runs once per template, inside the template compiler.
/// </summary>
internal static class EventBindings
{
    private static readonly Dictionary<string, string> PhoenixBindings = new(StringComparer.Ordinal)
    {
        ["click"] = "phx-click",
        ["submit"] = "phx-submit",
        ["change"] = "phx-change",
        ["keydown"] = "phx-keydown",
        ["keyup"] = "phx-keyup",
        ["focus"] = "phx-focus",
        ["blur"] = "phx-blur",
    };

    /// <summary>Whether an attribute name is a Hyper event binding.</summary>
    public static bool IsBinding(string attributeName) => attributeName.StartsWith('@');

    /// <summary>
    /// The Phoenix attribute for <paramref name="attributeName"/> (<c>@click</c> → <c>phx-click</c>),
    /// or an error message when the event or syntax is not supported.
    /// </summary>
    public static bool TryRewrite(string attributeName, out string phoenixName, out string? error)
    {
        var eventName = attributeName[1..];
        if (eventName.Contains('.', StringComparison.Ordinal))
        {
            phoenixName = attributeName;
            error = $"event modifiers are not supported yet ('{attributeName}')";
            return false;
        }

        if (PhoenixBindings.TryGetValue(eventName.ToLowerInvariant(), out var name))
        {
            phoenixName = name;
            error = null;
            return true;
        }

        phoenixName = attributeName;
        error = $"unknown event binding '{attributeName}' (supported: {string.Join(", ", PhoenixBindings.Keys.Select(k => "@" + k))})";
        return false;
    }
}
