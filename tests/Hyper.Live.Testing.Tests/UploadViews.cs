namespace Hyper.Live.Testing.Tests;

/// <summary>Up to two images, uploaded on selection; saving consumes them and lists their sizes.</summary>
public sealed class PhotoUploadView : LiveView
{
    private readonly List<string> saved = [];

    public List<int> ProgressSeen { get; } = [];

    protected override void Mount(LiveParams parameters) =>
        AllowUpload("photos", new UploadOptions
        {
            Accept = ["image/*"],
            MaxEntries = 2,
            MaxFileSize = 300_000,
            AutoUpload = true,
            Progress = entry => ProgressSeen.Add(entry.Progress),
        });

    public void Validate()
    {
    }

    public async Task Save(CancellationToken cancellationToken) =>
        saved.AddRange(await ConsumeUploadedEntriesAsync("photos", async (entry, stream, ct) =>
        {
            var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            return $"{entry.Name} {copy.Length} {copy.ToArray()[^1]}";
        }, cancellationToken));

    public override Html Render() => $$"""
        <form id="upload" @change="validate" @submit="save">
          {{Uploads["photos"].Input()}}
          <button>Save</button>
        </form>
        {{Html.Each(Uploads["photos"].Entries, e => $"""<p class="entry" data-ref="{e.Ref}">{e.Name} {e.Progress}% {(e.Done ? "done" : "")} {string.Join(", ", e.Errors.Select(UploadErrors.Message))}</p>""")}}
        {{Html.Each(Uploads["photos"].Errors, e => $"""<p class="upload-error">{UploadErrors.Message(e)}</p>""")}}
        {{Html.Each(saved, s => $"""<p class="saved">{s}</p>""")}}
        """;
}
