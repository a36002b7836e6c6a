namespace Hyper.Live;

/// <summary>When a <see cref="Persistent{T}"/> writes its changes to the database.</summary>
public enum PersistentSave
{
    /// <summary>After every handler (or other callback) that changed the row, before the view renders: the default.</summary>
    AfterHandler,

    /// <summary>Once no change has come for <see cref="PersistentOptions.Debounce"/> (typing into a field saves once, at the end).</summary>
    Debounced,

    /// <summary>Only when the view calls <see cref="Persistent{T}.SaveAsync"/>.</summary>
    Explicit,
}
