using System.Security.Cryptography;
using Hyper.Live.Uploads;

namespace Hyper.Live;

/// <summary>
/// One upload of a view, made by <see cref="LiveView.AllowUpload"/>: its options, the files selected
/// for it (<see cref="Entries"/>) and its file input. Render <c>{{Uploads["avatar"].Input()}}</c> inside a
/// form with <c>@change</c>; a drop zone is any element with <c>phx-drop-target="{{Uploads["avatar"].Ref}}"</c>.
/// </summary>
public sealed class UploadConfig
{
    private readonly List<UploadEntry> entries = [];
    private readonly List<string> errors = [];
    private readonly UploadCollection owner;

    internal UploadConfig(UploadCollection owner, string name, UploadOptions options)
    {
        this.owner = owner;
        Name = name;
        Options = options;
        Ref = "phx-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    }

    /// <summary>The name given to <see cref="LiveView.AllowUpload"/>; also the file input's <c>name</c>.</summary>
    public string Name { get; }

    /// <summary>The upload's ref: the file input's <c>id</c>, and what <c>phx-drop-target</c> names.</summary>
    public string Ref { get; }

    /// <summary>What the upload accepts.</summary>
    public UploadOptions Options { get; }

    /// <summary>The files selected, in the order they were selected (refused ones included, with their <see cref="UploadEntry.Errors"/>).</summary>
    public IReadOnlyList<UploadEntry> Entries => entries;

    /// <summary>Errors of the upload as a whole (<see cref="UploadErrors.TooManyFiles"/>); empty when none.</summary>
    public IReadOnlyList<string> Errors => errors;

    /// <summary>
    /// The file input the browser's client drives (Phoenix's <c>live_file_input</c>): put it inside a
    /// <c>&lt;form @change="…"&gt;</c>. No hook to register: the client's own upload hook is named in the markup.
    /// </summary>
    public Html Input(string? cssClass = null)
    {
        var accept = Options.Accept is { Count: > 0 } list ? string.Join(',', list) : null;
        var errorRefs = string.Join(',', entries.Where(e => !e.Valid).Select(e => e.Ref).Concat(errors.Count > 0 ? [Ref] : []));
        return $"""<input id="{Ref}" type="file" name="{Name}" accept="{accept}" class="{cssClass}" data-phx-hook="Phoenix.LiveFileUpload" data-phx-upload-ref="{Ref}" data-phx-active-refs="{Refs(_ => true)}" data-phx-done-refs="{Refs(e => e.Done)}" data-phx-preflighted-refs="{Refs(e => e.Preflighted)}" data-phx-error-refs="{errorRefs}" data-phx-auto-upload="{Options.AutoUpload}" multiple="{Options.MaxEntries > 1}">""";
    }

    /// <summary>The entry with ref <paramref name="entryRef"/>, or null.</summary>
    public UploadEntry? Find(string entryRef) => entries.Find(e => e.Ref == entryRef);

    /// <summary>Forgets an entry: its upload stops and its file is deleted. Unknown refs are ignored.</summary>
    internal void Cancel(string entryRef)
    {
        if (Find(entryRef) is { } entry)
        {
            Remove(entry);
        }
    }

    /// <summary>Hands each completed entry's file to <paramref name="consume"/>, then deletes it; returns what it returned.</summary>
    internal async Task<IReadOnlyList<T>> ConsumeAsync<T>(Func<UploadEntry, Stream, CancellationToken, Task<T>> consume, CancellationToken cancellationToken)
    {
        var results = new List<T>();
        foreach (var entry in entries.Where(e => e.Done && e.Valid).ToList())
        {
            try
            {
                var stream = entry.Transfer?.OpenRead() ?? Stream.Null;
                await using (stream.ConfigureAwait(false))
                {
                    results.Add(await consume(entry, stream, cancellationToken).ConfigureAwait(false));
                }
            }
            finally
            {
                Remove(entry);
            }
        }

        return results;
    }

    /// <summary>
    /// Adds the files the browser declares that are new, checking each against the options; beyond
    /// <see cref="UploadOptions.MaxEntries"/> none is kept (so a flood of entries costs nothing).
    /// </summary>
    internal void Register(IEnumerable<ClientEntry> declared)
    {
        var fresh = declared.Where(e => Find(e.Ref) is null).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        errors.Remove(UploadErrors.TooManyFiles);
        if (Options.MaxEntries == 1 && fresh.Count == 1)
        {
            // A single-file input: the newly chosen file replaces the one before.
            foreach (var old in entries.ToList())
            {
                Remove(old);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in fresh)
        {
            if (!seen.Add(file.Ref))
            {
                continue;
            }

            if (entries.Count >= Options.MaxEntries)
            {
                if (!errors.Contains(UploadErrors.TooManyFiles))
                {
                    errors.Add(UploadErrors.TooManyFiles);
                }

                continue;
            }

            var entry = new UploadEntry(this, file.Ref, file.Name, file.Size, file.Type, file.LastModified);
            if (file.Size > Options.MaxFileSize)
            {
                entry.AddError(UploadErrors.TooLarge);
            }

            if (!AcceptList.Accepts(Options.Accept, file.Name, file.Type))
            {
                entry.AddError(UploadErrors.NotAccepted);
            }

            entries.Add(entry);
        }
    }

    /// <summary>Takes an entry out: its file and disk space are released, and its upload channel closed.</summary>
    internal void Remove(UploadEntry entry)
    {
        if (!entries.Remove(entry))
        {
            return;
        }

        if (entry.Transfer is { ChannelOpen: true } transfer)
        {
            owner.ChannelsToClose.Add((transfer.Topic, transfer.JoinRef));
        }

        entry.Release();
        if (entries.Count < Options.MaxEntries)
        {
            errors.Remove(UploadErrors.TooManyFiles);
        }
    }

    /// <summary>Releases every entry (the view is going away).</summary>
    internal void ReleaseAll()
    {
        foreach (var entry in entries.ToList())
        {
            Remove(entry);
        }
    }

    private string Refs(Func<UploadEntry, bool> which) => string.Join(',', entries.Where(which).Select(e => e.Ref));
}
