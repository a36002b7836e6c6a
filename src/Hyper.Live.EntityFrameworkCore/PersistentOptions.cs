namespace Hyper.Live;

/// <summary>How one <see cref="Persistent{T}"/> saves.</summary>
public sealed record PersistentOptions
{
    /// <summary>When changes are written: <see cref="PersistentSave.AfterHandler"/> by default.</summary>
    public PersistentSave Save { get; init; } = PersistentSave.AfterHandler;

    /// <summary>The quiet time before a <see cref="PersistentSave.Debounced"/> save: 1 second by default.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromSeconds(1);
}
