using System.Globalization;
using System.Text.Json.Nodes;
using Hyper.Live.Testing.Connection;

namespace Hyper.Live.Testing;

/// <summary>Uploads, as the Phoenix client sends them when files are chosen in a live file input.</summary>
public sealed partial class LivePage
{
    // The browser's client numbers the files of a page from 0.
    private int nextFileRef;

    /// <summary>
    /// Chooses <paramref name="files"/> in the live file input named <paramref name="name"/> and uploads them over
    /// the same protocol as the browser: the form's <c>phx-change</c> declares them, <c>allow_upload</c> asks for
    /// tokens, each granted file is sent in chunks of the server's <c>chunk_size</c> on its own <c>lvu:</c> channel,
    /// and <c>progress</c> is reported after each acknowledged chunk. Files the server refuses (their errors are
    /// rendered) are not sent; nor are empty ones, which the browser skips too. Completes when every granted file
    /// has been sent, whether the input uploads automatically or (in the browser) on submit.
    /// </summary>
    /// <param name="name">The upload's name (the input's <c>name</c>, as given to <c>AllowUpload</c>).</param>
    /// <param name="files">The files to choose.</param>
    /// <param name="cancellationToken">Cancels the upload between frames.</param>
    /// <exception cref="InvalidOperationException">No single live file input has that name, or the server refused a chunk.</exception>
    /// <exception cref="NotSupportedException">The upload is external: the browser's JavaScript uploader would send it.</exception>
    public async Task UploadAsync(string name, IEnumerable<UploadFile> files, CancellationToken cancellationToken = default)
    {
        var input = channel.CurrentDocument().Element($"input[type=file][name=\"{name}\"]");
        var uploadRef = input.GetAttribute("data-phx-upload-ref")
            ?? throw new InvalidOperationException($"The file input '{name}' is not a live file input (no data-phx-upload-ref): render it with Uploads[\"{name}\"].Input().");
        var chosen = files.Where(f => f.Content.Length > 0).Select(f => (Ref: (nextFileRef++).ToString(CultureInfo.InvariantCulture), File: f)).ToList();
        if (chosen.Count == 0)
        {
            return;
        }

        var declared = new JsonObject { [uploadRef] = new JsonArray([.. chosen.Select(c => Declare(c.Ref, c.File, name))]) };
        await Change("#" + input.Id, null, name, declared, cancellationToken).ConfigureAwait(false);

        var active = (channel.CurrentDocument().Element($"input[type=file][name=\"{name}\"]").GetAttribute("data-phx-active-refs") ?? "").Split(',');
        var requested = chosen.Where(c => active.Contains(c.Ref)).ToList();
        if (requested.Count == 0)
        {
            return;
        }

        var preflight = new JsonObject { ["ref"] = uploadRef, ["entries"] = new JsonArray([.. requested.Select(c => Declare(c.Ref, c.File, path: null))]) };
        var reply = await channel.Await(await channel.Send(PendingKind.Event, "allow_upload", preflight, $"allow_upload \"{name}\"", "allow_upload", cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        var response = reply["response"] as JsonObject ?? [];
        if (response["error"] is not null || response["entries"] is not JsonObject granted)
        {
            return;
        }

        var chunkSize = (int?)response["config"]?["chunk_size"] ?? 64_000;
        foreach (var (entryRef, file) in requested)
        {
            switch (granted[entryRef])
            {
                case JsonValue token:
                    await SendEntryAsync(uploadRef, entryRef, (string)token!, file.Content, chunkSize, cancellationToken).ConfigureAwait(false);
                    break;
                case JsonObject meta:
                    throw new NotSupportedException($"'{file.Name}' goes to the external uploader '{(string?)meta["uploader"]}', which is browser JavaScript; the test client only sends uploads to the server.");
            }
        }
    }

    /// <inheritdoc cref="UploadAsync(string, IEnumerable{UploadFile}, CancellationToken)"/>
    public Task UploadAsync(string name, params UploadFile[] files) => UploadAsync(name, files, CancellationToken.None);

    /// <summary>One file over its upload channel: join with the token, then a chunk at a time, each acknowledged before the next.</summary>
    private async Task SendEntryAsync(string uploadRef, string entryRef, string token, byte[] content, int chunkSize, CancellationToken cancellationToken)
    {
        var topic = "lvu:" + entryRef;
        var joinRef = "u" + entryRef;
        var joined = await channel.CallChannel(topic, joinRef, "phx_join", new JsonObject { ["token"] = token }, null, cancellationToken).ConfigureAwait(false);
        if ((string?)joined["status"] != "ok")
        {
            await ProgressAsync(uploadRef, entryRef, new JsonObject { ["error"] = (string?)joined["response"]?["reason"] ?? "failed" }, cancellationToken).ConfigureAwait(false);
            return;
        }

        var lastPercent = 0;
        for (var offset = 0; offset < content.Length;)
        {
            var length = Math.Min(chunkSize, content.Length - offset);
            var ack = await channel.CallChannel(topic, joinRef, "chunk", null, content[offset..(offset + length)], cancellationToken).ConfigureAwait(false);
            if ((string?)ack["status"] != "ok")
            {
                throw new InvalidOperationException($"The server refused a chunk of entry {entryRef}: {ack["response"]?.ToJsonString()}");
            }

            offset += length;
            var percent = (int)((long)offset * 100 / content.Length);
            if (percent > lastPercent)
            {
                lastPercent = percent;
                await ProgressAsync(uploadRef, entryRef, percent, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ProgressAsync(string uploadRef, string entryRef, JsonNode progress, CancellationToken cancellationToken)
    {
        var payload = new JsonObject { ["event"] = null, ["ref"] = uploadRef, ["entry_ref"] = entryRef, ["progress"] = progress };
        await channel.Await(await channel.Send(PendingKind.Event, "progress", payload, $"progress of entry {entryRef}", "progress", cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    private static JsonObject Declare(string entryRef, UploadFile file, string? path)
    {
        var entry = new JsonObject();
        if (path is not null)
        {
            entry["path"] = path;
        }

        entry["ref"] = entryRef;
        entry["last_modified"] = file.LastModified.ToUnixTimeMilliseconds();
        entry["name"] = file.Name;
        entry["relative_path"] = "";
        entry["type"] = file.ContentType;
        entry["size"] = file.Content.Length;
        return entry;
    }
}
