namespace Hyper.Live.Samples.Live;

/// <summary>
/// A multi-file gallery: drag images onto the drop zone (or choose them), see each one's preview,
/// cancel any before uploading, then upload them all with the form's submit; the progress of each
/// shows as it goes. Up to six images of up to 5 MB; more, larger or other files show why.
/// </summary>
public sealed class Gallery : LiveView
{
    private readonly List<(string Name, long Size)> photos = [];

    protected override void Mount(LiveParams parameters) =>
        AllowUpload("photos", new UploadOptions
        {
            Accept = ["image/*"],
            MaxEntries = 6,
            MaxFileSize = 5_000_000,
        });

    public void Validate()
    {
    }

    public void Cancel(string entryRef) => CancelUpload("photos", entryRef);

    public async Task Save(CancellationToken cancellationToken)
    {
        // A real app would copy each stream to storage; the sample only counts the bytes.
        photos.AddRange(await ConsumeUploadedEntriesAsync("photos", async (entry, stream, ct) =>
        {
            var size = 0L;
            var buffer = new byte[81920];
            for (int read; (read = await stream.ReadAsync(buffer, ct)) > 0;)
            {
                size += read;
            }

            return (entry.Name, size);
        }, cancellationToken));
    }

    public override Html Render() => $$"""
        <section class="uploads">
          <h1>Gallery</h1>
          <form id="gallery-form" @change="validate" @submit="save">
            <div class="drop-zone" id="gallery-drop" phx-drop-target="{{Uploads["photos"].Ref}}">
              <p>Drop images here, or {{Uploads["photos"].Input()}}</p>
              <p class="hint">Up to {{Uploads["photos"].Options.MaxEntries}} images of up to 5 MB each.</p>
            </div>
            {{Html.Each(Uploads["photos"].Errors, e => $"""<p class="error upload-error">{UploadErrors.Message(e)}</p>""")}}
            <div class="upload-entries">{{Html.Each(Uploads["photos"].Entries, e => e.Ref, UploadEntryCard.Render)}}</div>
            <button type="submit">Upload</button>
          </form>
          <h2>Uploaded ({{photos.Count}})</h2>
          <ul id="uploaded">{{Html.Each(photos, p => $"""<li>{p.Name} ({p.Size:N0} bytes)</li>""")}}</ul>
        </section>
        """;
}
