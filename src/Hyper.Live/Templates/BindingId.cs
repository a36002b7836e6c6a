using System.Globalization;

namespace Hyper.Live.Templates;

/// <summary>
/// The event name a delegate binding sends: <c>~</c> and 16 hex digits. No handler method can
/// be named like that, so the session tells delegate bindings from named ones by the prefix.
/// </summary>
internal static class BindingId
{
    /// <summary>The first character of every delegate binding's event name.</summary>
    public const char Prefix = '~';

    /// <summary>The characters <see cref="Format"/> writes.</summary>
    public const int Length = 17;

    public static void Format(ulong id, Span<char> destination)
    {
        destination[0] = Prefix;
        id.TryFormat(destination[1..], out _, "x16", CultureInfo.InvariantCulture);
    }

    /// <summary>Reads an event name written by <see cref="Format"/>.</summary>
    public static bool TryParse(string eventName, out ulong id)
    {
        id = 0;
        return eventName.Length == Length && eventName[0] == Prefix &&
            ulong.TryParse(eventName.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out id);
    }
}
