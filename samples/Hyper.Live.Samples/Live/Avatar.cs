namespace Hyper.Live.Samples.Live;

/// <summary>
/// An avatar upload: the chosen image shows at once (the browser previews the file itself, before a
/// byte is sent), uploads as soon as it is chosen with a progress bar, and becomes the avatar on save.
/// Too large or not an image: the entry says why and nothing is sent.
/// </summary>
public sealed class Avatar : LiveView
{
    private string? avatar;
    private string? avatarName;

    protected override void Mount(LiveParams parameters) =>
        AllowUpload("avatar", new UploadOptions
        {
            Accept = [".jpg", ".jpeg", ".png", ".gif", ".webp"],
            MaxEntries = 1,
            MaxFileSize = 2_000_000,
            AutoUpload = true,
        });

    public void Validate()
    {
    }

    public void Cancel(string entryRef) => CancelUpload("avatar", entryRef);

    public async Task Save(CancellationToken cancellationToken)
    {
        var saved = await ConsumeUploadedEntriesAsync("avatar", async (entry, stream, ct) =>
        {
            // A real app would store the file; the sample keeps it as a data URL in the view.
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            return (entry.Name, Url: $"data:{entry.ContentType};base64,{Convert.ToBase64String(copy.ToArray())}");
        }, cancellationToken);
        if (saved is [var (name, url), ..])
        {
            (avatarName, avatar) = (name, url);
            Flash.Info($"Avatar set to {name}.");
        }
    }

    public override Html Render() => $$"""
        <section class="uploads">
          <h1>Avatar</h1>
          {{Flash.Render()}}
          {{Html.If(avatar is not null, $"""<figure id="current-avatar"><img src="{avatar}" alt="{avatarName}" width="96" height="96"><figcaption>{avatarName}</figcaption></figure>""")}}
          <form id="avatar-form" @change="validate" @submit="save">
            <label class="drop-zone" phx-drop-target="{{Uploads["avatar"].Ref}}">
              Choose an image or drop it here (.jpg, .png, .gif, .webp; up to 2 MB)
              {{Uploads["avatar"].Input()}}
            </label>
            {{Html.Each(Uploads["avatar"].Entries, UploadEntryCard.Render)}}
            <button type="submit" disabled="{{!Uploads["avatar"].Entries.Any(e => e.Done)}}">Save avatar</button>
          </form>
        </section>
        """;
}
