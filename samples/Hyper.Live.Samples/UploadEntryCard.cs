namespace Hyper.Live.Samples;

/// <summary>How the upload samples show a chosen file: its preview, name, progress, errors and a cancel button (the view's <c>Cancel(entryRef)</c>).</summary>
public static class UploadEntryCard
{
    /// <summary>The card of <paramref name="entry"/>.</summary>
    public static Html Render(UploadEntry entry) => $"""
        <article class="upload-entry" id="entry-{entry.Ref}">
          {entry.ImagePreview("preview")}
          <div class="upload-info">
            <p class="name">{entry.Name}</p>
            <progress value="{entry.Progress}" max="100">{entry.Progress}%</progress>
            <span class="percent">{entry.Progress}%</span>
            {Html.Each(entry.Errors, e => $"""<p class="error">{UploadErrors.Message(e)}</p>""")}
          </div>
          <button type="button" class="cancel" @click="cancel({entry.Ref})" aria-label="Cancel {entry.Name}">×</button>
        </article>
        """;
}
