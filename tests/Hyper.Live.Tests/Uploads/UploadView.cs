namespace Hyper.Live.Tests.Uploads;

/// <summary>An auto-uploading text-file upload of at most two files, with the files it consumed rendered.</summary>
public sealed class UploadView : LiveView
{
    private readonly List<string> consumed = [];
    private int progressCalls;

    protected internal override void Mount(LiveParams parameters) =>
        AllowUpload("doc", new UploadOptions
        {
            Accept = [".txt", "image/*"],
            MaxEntries = 2,
            MaxFileSize = 100_000,
            AutoUpload = true,
            ChunkSize = 4,
            Progress = _ => progressCalls++,
        });

    public void Validate()
    {
    }

    public async Task Save(CancellationToken cancellationToken) =>
        consumed.AddRange(await ConsumeUploadedEntriesAsync("doc", async (entry, stream, ct) =>
        {
            using var reader = new StreamReader(stream);
            return entry.Name + "=" + await reader.ReadToEndAsync(ct);
        }, cancellationToken));

    public void Cancel(string id) => CancelUpload("doc", id);

    // Each line is one hole, so a diff carries it whole.
    public override Html Render() => $$"""
        <form @change="validate" @submit="save">{{Uploads["doc"].Input()}}</form>
        <ul>{{Html.Each(Uploads["doc"].Entries, e => $"<li>{Describe(e)}</li>")}}</ul>
        <button @click="cancel">cancel</button>
        <p>{{"errors:" + string.Join('|', Uploads["doc"].Errors)}}</p>
        <p>{{"progress-calls:" + progressCalls}}</p>
        <p>{{"consumed:" + string.Join(';', consumed)}}</p>
        """;

    private static string Describe(UploadEntry e) => $"{e.Name}:{e.Progress}:{e.Done}:{string.Join('|', e.Errors)}";
}
