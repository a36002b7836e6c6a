using System.Text;

namespace Hyper.Live.Templates;

/// <summary>
/// One parsed <c>@event.modifier…</c> attribute name: the DOM event and its modifiers
/// (<c>@keydown.enter.prevent</c>, <c>@input.debounce.500</c>, <c>@click.stop</c>).
/// </summary>
/// <param name="Event">The DOM event name as written (<c>click</c>, <c>dblclick</c>, <c>my-event</c>).</param>
/// <param name="Stop">The event does not reach the bindings of outer elements.</param>
/// <param name="Prevent">The browser's default action is prevented.</param>
/// <param name="Debounce">Milliseconds (or <c>blur</c>) to wait for a pause before sending; null when not debounced.</param>
/// <param name="Throttle">Milliseconds between two sends at most; null when not throttled.</param>
/// <param name="Key">A key filter for key events: <c>KeyboardEvent.key</c> lower-cased (<c>enter</c>, <c>escape</c>; <c>space</c> for " "), null for any key.</param>
/// <param name="Pointer">A click sends where the pointer was (<see cref="LiveEvent.Pointer"/>): <c>@click.pointer</c>.</param>
internal sealed record EventBinding(string Event, bool Stop, bool Prevent, string? Debounce, string? Throttle, string? Key, bool Pointer = false)
{
    /// <summary>Phoenix's default for <c>phx-debounce</c> and <c>phx-throttle</c> without a value.</summary>
    public const string DefaultRateLimit = "300";

    /// <summary>The attribute as written, for error messages.</summary>
    public string Attribute => "@" + Event;

    /// <summary>The debounce or throttle value; null when the binding is not rate-limited.</summary>
    public string? RateLimit => Debounce ?? Throttle;

    /// <summary>
    /// How the client module reads this binding from <c>data-hyper-on</c>: the event and its
    /// modifiers in the template's own syntax, normalised (<c>input.debounce.300</c>, <c>keydown.escape.stop</c>).
    /// </summary>
    public string Spec
    {
        get
        {
            var spec = new StringBuilder(Event);
            if (Key is not null)
            {
                spec.Append('.').Append(Key);
            }

            if (Stop)
            {
                spec.Append(".stop");
            }

            if (Prevent)
            {
                spec.Append(".prevent");
            }

            if (Pointer)
            {
                spec.Append(".pointer");
            }

            if (Debounce is not null)
            {
                spec.Append(".debounce.").Append(Debounce);
            }

            if (Throttle is not null)
            {
                spec.Append(".throttle.").Append(Throttle);
            }

            return spec.ToString();
        }
    }
}
