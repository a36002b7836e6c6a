namespace Hyper.Live.Tests.Uploads;

/// <summary>An upload sent straight to "cloud storage": the server only presigns entries and hears their progress.</summary>
public sealed class ExternalUploadView : LiveView
{
    private readonly List<string> consumed = [];

    protected internal override void Mount(LiveParams parameters) =>
        AllowUpload("doc", new UploadOptions { MaxEntries = 2, External = new Presigner() });

    public void Validate()
    {
    }

    public async Task Save(CancellationToken cancellationToken) =>
        consumed.AddRange(await ConsumeUploadedEntriesAsync("doc", (entry, stream, _) =>
            Task.FromResult($"{entry.Name}:{entry.ExternalMeta!.Meta["key"]}:{stream.Length}"), cancellationToken));

    public override Html Render() => $$"""
        <form @change="validate" @submit="save">{{Uploads["doc"].Input()}}</form>
        <p>{{"consumed:" + string.Join(';', consumed)}}</p>
        """;

    private sealed class Presigner : IExternalUploader
    {
        public Task<ExternalUpload> PresignAsync(UploadEntry entry, CancellationToken cancellationToken) =>
            Task.FromResult(new ExternalUpload("S3", new Dictionary<string, object?>
            {
                ["url"] = "https://bucket.example/upload?signature=abc",
                ["key"] = "uploads/" + entry.Name,
            }));
    }
}
