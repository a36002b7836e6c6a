using System.Collections;

namespace Hyper.Live;

/// <summary>A view's uploads by name (<c>Uploads["avatar"]</c>), made with <see cref="LiveView.AllowUpload"/>.</summary>
public sealed class UploadCollection : IReadOnlyCollection<UploadConfig>
{
    private readonly Dictionary<string, UploadConfig> byName = new(StringComparer.Ordinal);

    /// <summary>How many uploads the view allows.</summary>
    public int Count => byName.Count;

    /// <summary>The upload named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The view has not called <c>AllowUpload(name, …)</c>.</exception>
    public UploadConfig this[string name] => byName.TryGetValue(name, out var config) ? config
        : throw new KeyNotFoundException($"No upload named '{name}': call AllowUpload(\"{name}\", …) in Mount first.");

    /// <summary>The upload named <paramref name="name"/>, or null.</summary>
    public UploadConfig? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>Upload channels (topic, join ref) of entries removed while open, for the session to close.</summary>
    internal List<(string Topic, string? JoinRef)> ChannelsToClose { get; } = [];

    /// <inheritdoc/>
    public IEnumerator<UploadConfig> GetEnumerator() => byName.Values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The upload whose ref (its input's id) is <paramref name="uploadRef"/>, or null.</summary>
    internal UploadConfig? FindByRef(string uploadRef) => byName.Values.FirstOrDefault(c => c.Ref == uploadRef);

    internal UploadConfig Allow(string name, UploadOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxEntries, 1, nameof(options.MaxEntries));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxFileSize, 1, nameof(options.MaxFileSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChunkSize, 1, nameof(options.ChunkSize));
        if (byName.TryGetValue(name, out var previous))
        {
            previous.ReleaseAll();
        }

        return byName[name] = new UploadConfig(this, name, options);
    }

    /// <summary>Deletes every upload's files (the view is going away).</summary>
    internal void ReleaseAll()
    {
        foreach (var config in byName.Values)
        {
            config.ReleaseAll();
        }
    }
}
