namespace Hyper.Live.Tests.Uploads;

/// <summary>An upload whose browser must send a chunk every 300 ms.</summary>
public sealed class SlowUploadView : LiveView
{
    protected internal override void Mount(LiveParams parameters) =>
        AllowUpload("doc", new UploadOptions { MaxEntries = 2, ChunkTimeout = TimeSpan.FromMilliseconds(300) });

    public void Validate()
    {
    }

    public override Html Render() => $$"""
        <form @change="validate">{{Uploads["doc"].Input()}}</form>
        <ul>{{Html.Each(Uploads["doc"].Entries, e => $"<li>{e.Name + ":" + string.Join('|', e.Errors)}</li>")}}</ul>
        """;
}
