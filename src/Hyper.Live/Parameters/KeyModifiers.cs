namespace Hyper.Live;

/// <summary>The modifier keys held during a click or key event (<see cref="LiveEvent.Modifiers"/>).</summary>
[Flags]
public enum KeyModifiers
{
    /// <summary>No modifier key.</summary>
    None = 0,

    /// <summary>Alt (Option on a Mac).</summary>
    Alt = 1,

    /// <summary>Control.</summary>
    Ctrl = 2,

    /// <summary>Shift.</summary>
    Shift = 4,

    /// <summary>Meta (Command on a Mac, the Windows key).</summary>
    Meta = 8,
}
