using System.Globalization;

namespace Hyper.Live.Templates;

/// <summary>
/// Reads Hyper's <c>@event.modifier</c> attribute names. Runs once per template, inside the
/// template compiler; <see cref="ElementBindings"/> then decides how each binding reaches the browser.
/// </summary>
internal static class EventBindings
{
    /// <summary>Events that filter on a key: <c>@keydown.enter</c>.</summary>
    private static readonly HashSet<string> KeyEvents = new(StringComparer.Ordinal) { "keydown", "keyup", "keypress" };

    /// <summary>Friendly key names for <c>KeyboardEvent.key</c> values (compared lower-cased).</summary>
    private static readonly Dictionary<string, string> KeyAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["esc"] = "escape",
        ["up"] = "arrowup",
        ["down"] = "arrowdown",
        ["left"] = "arrowleft",
        ["right"] = "arrowright",
        ["del"] = "delete",
        ["spacebar"] = "space",
    };

    private const string Supported = ".stop, .prevent, .debounce[.ms], .throttle[.ms], .pointer (on @click)";

    /// <summary>Whether an attribute name is a Hyper event binding.</summary>
    public static bool IsBinding(string attributeName) => attributeName.StartsWith('@');

    /// <summary>Parses <paramref name="attributeName"/> (<c>@keydown.enter.prevent</c>); an error message when it is malformed.</summary>
    public static EventBinding? Parse(string attributeName, out string? error)
    {
        var parts = attributeName[1..].Split('.');
        var name = parts[0];
        error = null;
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':'))
        {
            error = $"'{attributeName}' is not an event binding: write @ and a DOM event name, like @click or @keydown.enter";
            return null;
        }

        bool stop = false, prevent = false, pointer = false;
        string? debounce = null, throttle = null, key = null;
        for (var i = 1; i < parts.Length; i++)
        {
            var modifier = parts[i].ToLowerInvariant();
            if (modifier.Length == 0 || !modifier.All(char.IsAsciiLetterOrDigit))
            {
                error = $"'{attributeName}' has an empty or malformed modifier: modifiers are letters and digits, like .stop or .debounce.500";
                return null;
            }

            switch (modifier)
            {
                case "stop":
                    stop = true;
                    break;
                case "prevent":
                    prevent = true;
                    break;
                case "pointer" when name == "click":
                    pointer = true;
                    break;
                case "debounce" or "throttle":
                    var milliseconds = EventBinding.DefaultRateLimit;
                    if (i + 1 < parts.Length && (IsMilliseconds(parts[i + 1]) || (modifier == "debounce" && parts[i + 1] == "blur")))
                    {
                        milliseconds = parts[++i];
                    }

                    if (debounce is not null || throttle is not null)
                    {
                        error = $"{attributeName} combines more than one .debounce/.throttle: keep one";
                        return null;
                    }

                    (debounce, throttle) = modifier == "debounce" ? (milliseconds, (string?)null) : (null, milliseconds);
                    break;
                default:
                    if (!KeyEvents.Contains(name))
                    {
                        error = $"unknown modifier '.{parts[i]}' in {attributeName} (supported: {Supported}; a key such as .enter only on key events)";
                        return null;
                    }

                    if (key is not null)
                    {
                        error = $"{attributeName} filters on two keys ('.{key}' and '.{parts[i]}'): bind each key separately";
                        return null;
                    }

                    key = KeyAliases.TryGetValue(modifier, out var alias) ? alias : modifier;
                    break;
            }
        }

        return new EventBinding(name, stop, prevent, debounce, throttle, key, pointer);
    }

    private static bool IsMilliseconds(string text) =>
        text.Length is > 0 and < 7 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
