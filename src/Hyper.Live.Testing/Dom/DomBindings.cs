using AngleSharp.Dom;

namespace Hyper.Live.Testing.Dom;

/// <summary>
/// Which bindings a DOM event runs, in order: first the one Phoenix's client fires (the closest
/// <c>phx-click</c>; the target's own <c>phx-keydown</c>, <c>phx-focus</c>, … honouring <c>phx-key</c>),
/// then Hyper's <c>@event</c> bindings as Hyper's client module delivers them: <c>data-hyper-&lt;event&gt;</c>
/// for events Phoenix lacks, and outer bindings of bubbling events, innermost first, up to one with
/// <c>.stop</c> (listed with their modifiers in <c>data-hyper-on</c>).
/// </summary>
internal static class DomBindings
{
    private const string HyperOn = "data-hyper-on";

    /// <summary>Events Phoenix binds; for these Phoenix itself fires the innermost binding.</summary>
    private static readonly HashSet<string> PhoenixEvents = new(StringComparer.Ordinal) { "click", "keydown", "keyup", "focus", "blur" };

    /// <summary>Phoenix events that bubble: their outer bindings are Hyper's module's to fire.</summary>
    private static readonly HashSet<string> Bubbling = new(StringComparer.Ordinal) { "click", "keydown", "keyup" };

    /// <summary>Events whose outer Hyper bindings Hyper's client module fires (the others stop at the target).</summary>
    private static readonly HashSet<string> NonBubbling = new(StringComparer.Ordinal)
    {
        "focus", "blur", "mouseenter", "mouseleave", "pointerenter", "pointerleave", "load", "unload", "scroll", "error",
    };

    /// <summary>The bindings an event of <paramref name="type"/> at <paramref name="target"/> runs (element and its binding value).</summary>
    /// <param name="target">The element the event happens on.</param>
    /// <param name="type">The DOM event type: <c>click</c>, <c>keydown</c>, <c>dblclick</c>, <c>input</c>, …</param>
    /// <param name="key">For key events, <c>KeyboardEvent.key</c>.</param>
    /// <param name="bound">Whether any binding listens for this event here, even one that a key filter skipped.</param>
    public static List<(IElement Element, string Binding)> For(IElement target, string type, string? key, out bool bound)
    {
        var fired = new List<(IElement, string)>();
        var phoenix = PhoenixElement(target, type);
        bound = phoenix is not null;
        if (phoenix is not null && (type != "keydown" && type != "keyup" || KeyPasses(phoenix, key)))
        {
            fired.Add((phoenix, Binding(phoenix, type)!));
        }

        for (var element = target; element is not null && element.LocalName != "body"; element = NonBubbling.Contains(type) ? null : element.ParentElement)
        {
            var stop = false;
            foreach (var spec in Specs(element).Where(s => s.Event == type))
            {
                bound = true;
                if (!spec.Matches(key) || element.HasAttribute("disabled"))
                {
                    continue;
                }

                // A Phoenix binding Phoenix did not fire itself (an outer one) is the module's to fire.
                var commands = element.GetAttribute(spec.Attribute)
                    ?? (element != phoenix && Bubbling.Contains(type) ? element.GetAttribute("phx-" + type) : null);
                if (commands is not null)
                {
                    fired.Add((element, commands));
                }

                stop |= spec.Stop;
            }

            if (stop)
            {
                break;
            }
        }

        return fired;
    }

    /// <summary>The element whose binding Phoenix fires itself: the closest enabled <c>phx-click</c>, or the target's own key, focus or blur binding.</summary>
    private static IElement? PhoenixElement(IElement target, string type)
    {
        if (type == "click")
        {
            for (var element = target; element is not null && element.LocalName != "body"; element = element.ParentElement)
            {
                if (element.HasAttribute("phx-click") && !element.HasAttribute("disabled"))
                {
                    return element;
                }
            }

            return null;
        }

        return PhoenixEvents.Contains(type) && Binding(target, type) is not null ? target : null;
    }

    private static string? Binding(IElement element, string type) =>
        element.GetAttribute("phx-" + type) ?? element.GetAttribute("phx-window-" + type);

    /// <summary>phx-key filters every key binding of the element, case-insensitively.</summary>
    private static bool KeyPasses(IElement element, string? key) =>
        element.GetAttribute("phx-key") is not { } filter || string.Equals(filter, key, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<Spec> Specs(IElement element) =>
        element.GetAttribute(HyperOn) is { } text
            ? text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Spec.Parse)
            : [];

    /// <summary>One entry of <c>data-hyper-on</c>: <c>keydown.escape.stop</c>.</summary>
    private sealed record Spec(string Event, string? Key, bool Stop)
    {
        /// <summary>The attribute that holds the binding when Hyper's module delivers it.</summary>
        public string Attribute => $"data-hyper-{Event.ToLowerInvariant()}{(Key is null ? "" : "." + Key)}";

        public static Spec Parse(string text)
        {
            var parts = text.Split('.');
            string? key = null;
            var stop = false;
            for (var i = 1; i < parts.Length; i++)
            {
                switch (parts[i])
                {
                    case "stop":
                        stop = true;
                        break;
                    case "prevent":
                        break;
                    case "debounce" or "throttle":
                        i++; // its milliseconds: tests do not wait, every event is sent at once
                        break;
                    default:
                        key = parts[i];
                        break;
                }
            }

            return new Spec(parts[0], key, stop);
        }

        public bool Matches(string? pressed) =>
            Key is null || string.Equals(Key == "space" ? " " : Key, pressed, StringComparison.OrdinalIgnoreCase);
    }
}
