using System.Text.Json;
using Hyper.Live.Diagnostics;
using Hyper.Live.Protocol;
using Hyper.Live.Uploads;
using Microsoft.Extensions.Logging;

namespace Hyper.Live.Sessions;

/// <summary>
/// Uploads (protocol notes, uploads): entries declared by form events and <c>allow_upload</c>, checked
/// against the view's <see cref="UploadOptions"/>; one <c>lvu:&lt;ref&gt;</c> channel per entry, joined with a
/// token only this session can have signed, whose chunks stream into a temporary file; progress from the
/// browser. Everything runs in the session's mailbox, so entries need no locks; the files go when the
/// session ends, however it ends.
/// </summary>
internal sealed partial class LiveSession
{
    // Room in a frame for the binary header (four lengths, join ref, ref, topic, event) next to a chunk.
    private const int ChunkHeaderRoom = 1024;

    private UploadTokens? uploadTokens;
    private UploadBudget? uploadSpace;

    // Set by allow_upload, written into its reply by the render.
    private UploadPreflight? pendingPreflight;

    private WarningThrottle uploadWarnings;
    private bool uploadWarningsStarted;

    /// <summary>Registers the files a form event declares (<c>"uploads": {upload ref: [entries]}</c>) before its handler runs.</summary>
    private void RegisterUploads(JsonElement payload)
    {
        if (!payload.TryGetProperty("uploads"u8, out var uploads) || uploads.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var upload in uploads.EnumerateObject())
        {
            view!.Uploads.FindByRef(upload.Name)?.Register(ClientEntry.ReadAll(upload.Value));
        }
    }

    /// <summary><c>allow_upload</c>: checks the entries and answers with a token for each that may upload now.</summary>
    private async Task<bool> HandleAllowUploadAsync(PhoenixMessage message)
    {
        if (!socket.Context.Limits.TryEvent())
        {
            // Counted as an event: a client asking again and again for tokens is throttled like one clicking.
            UploadRefused("allow_upload over the socket's event rate limit");
            socket.Context.Limits.RateLimited();
            Send(FrameWriter.Current.ErrorReply(joinRef, message.Ref, Topic, "rate limited: too many events, try again later", ok: true));
            return true;
        }

        var uploadRef = message.Payload.TryGetProperty("ref"u8, out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "";
        var requested = message.Payload.TryGetProperty("entries"u8, out var e) ? ClientEntry.ReadAll(e).ToList() : [];
        if (view!.Uploads.FindByRef(uploadRef) is not { } config)
        {
            UploadRefused($"allow_upload for '{uploadRef}', which is no upload of {ViewName}");
            pendingPreflight = new UploadPreflight(uploadRef, 0, 0, 0, 0);
            pendingPreflight.Failures.Add(new(uploadRef, "no such upload"));
            return await FinishAsync(message.Ref).ConfigureAwait(false);
        }

        config.Register(requested);
        var options = config.Options;
        var preflight = new UploadPreflight(config.Ref, options.MaxFileSize, options.MaxEntries,
            Math.Clamp(options.ChunkSize, 1, Math.Max(1, host.Options.MaxMessageSize - ChunkHeaderRoom)), (long)options.ChunkTimeout.TotalMilliseconds);
        pendingPreflight = preflight;
        foreach (var code in config.Errors)
        {
            preflight.Failures.Add(new(config.Ref, code));
        }

        if (preflight.Failures.Count > 0)
        {
            return await FinishAsync(message.Ref).ConfigureAwait(false);
        }

        foreach (var entryRef in requested.Select(x => x.Ref).Distinct(StringComparer.Ordinal))
        {
            if (config.Find(entryRef) is not { Done: false } entry)
            {
                continue;
            }

            if (entry.Valid && entry.Reservation is null)
            {
                entry.Reservation = UploadBudget.TryReserve(uploadSpace ??= new UploadBudget(host.Options.MaxUploadBytesPerView), host.UploadSpace, entry.Size);
                if (entry.Reservation is null)
                {
                    UploadRefused($"entry {entryRef} ({entry.Size} bytes) would exceed the upload disk budget");
                    entry.AddError(UploadErrors.DiskBudgetExceeded);
                }
            }

            if (!entry.Valid)
            {
                preflight.Errors.Add(new(entryRef, entry.Errors.ToArray()));
                continue;
            }

            if (options.External is { } external)
            {
                entry.ExternalMeta ??= await external.PresignAsync(entry, lifetime.Token).ConfigureAwait(false);
                var meta = new Dictionary<string, object?>(entry.ExternalMeta.Meta) { ["uploader"] = entry.ExternalMeta.Uploader };
                preflight.Entries.Add(new(entryRef, meta));
            }
            else
            {
                preflight.Entries.Add(new(entryRef, (uploadTokens ??= new()).Issue(Topic, config.Ref, entryRef)));
            }

            entry.Preflighted = true;
        }

        return await FinishAsync(message.Ref).ConfigureAwait(false);
    }

    /// <summary><c>progress</c>: the browser's percentage for an entry; 100 completes it once every declared byte is here.</summary>
    private async Task<bool> HandleProgressAsync(PhoenixMessage message)
    {
        var payload = message.Payload;
        var uploadRef = payload.TryGetProperty("ref"u8, out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "";
        var entryRef = payload.TryGetProperty("entry_ref"u8, out var er) && er.ValueKind == JsonValueKind.String ? er.GetString()! : "";
        var entry = view!.Uploads.FindByRef(uploadRef)?.Find(entryRef);
        var progress = payload.TryGetProperty("progress"u8, out var p) ? p : default;
        var failed = progress.ValueKind == JsonValueKind.Object;
        var reported = progress.ValueKind == JsonValueKind.Number && progress.TryGetInt32(out var percent) ? percent : -1;
        if (entry is null || (!failed && (reported <= entry.Progress || !entry.Preflighted || entry.Done)))
        {
            // Nothing changes (an entry already gone, a repeated or stale percentage): answered without a render,
            // so repeating progress events costs the sender, not the server.
            Send(FrameWriter.Current.Reply(joinRef, message.Ref, Topic, ok: true));
            return true;
        }

        if (failed)
        {
            UploadRefused($"the browser reports entry {entryRef} failed: {progress}");
            entry.AddError(UploadErrors.ExternalClientFailure);
        }
        else
        {
            entry.Progress = Math.Min(reported, 100);
            if (entry.Progress == 100)
            {
                Complete(entry);
            }
        }

        if (entry.Upload.Options.Progress is { } callback)
        {
            await RecoverAsync(() =>
            {
                callback(entry);
                return Task.CompletedTask;
            }).ConfigureAwait(false);
        }

        return await FinishAsync(message.Ref).ConfigureAwait(false);
    }

    private void Complete(UploadEntry entry)
    {
        if (entry.ExternalMeta is not null)
        {
            entry.Done = true;
        }
        else if (entry.Transfer is { } transfer && transfer.Received == entry.Size)
        {
            transfer.Complete();
            entry.Done = true;
        }
        else
        {
            UploadRefused($"entry {entry.Ref} reported complete with {entry.Transfer?.Received ?? 0} of {entry.Size} bytes");
            entry.AddError(UploadErrors.Incomplete);
            if (entry.Transfer is { ChannelOpen: true } open)
            {
                CloseUploadChannel(open.Topic, open.JoinRef);
            }

            entry.Release();
        }
    }

    /// <summary>A frame of an upload channel: its join, leave, or a stray text push.</summary>
    private bool HandleUploadChannel(PhoenixMessage message)
    {
        var frames = FrameWriter.Current;
        switch (message.Event)
        {
            case PhoenixEvents.Join:
                JoinUpload(message);
                break;
            case PhoenixEvents.Leave:
                if (FindTransfer(message.Topic) is { } leaving)
                {
                    // The client leaves an upload channel when its upload failed: a partial file is of no use.
                    leaving.Transfer!.ChannelOpen = false;
                    if (leaving.Transfer.Received < leaving.Size)
                    {
                        leaving.AddError(UploadErrors.ExternalClientFailure);
                        leaving.Release();
                    }
                }

                socket.UnrouteUpload(message.Topic, this);
                Send(frames.LeaveReply(message.JoinRef, message.Ref, message.Topic));
                break;
            default:
                Send(frames.Reply(message.JoinRef, message.Ref, message.Topic, ok: false, $"unsupported event '{message.Event}'"));
                break;
        }

        return true;
    }

    private void JoinUpload(PhoenixMessage message)
    {
        var topic = message.Topic;
        var entryRef = topic[PhoenixEvents.UploadTopicPrefix.Length..];
        var token = message.Payload.TryGetProperty("token"u8, out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        var uploadRef = uploadTokens?.Verify(token, Topic, entryRef);
        var entry = uploadRef is null ? null : view!.Uploads.FindByRef(uploadRef)?.Find(entryRef);
        var refusal = uploadRef is null ? "invalid_token"
            : entry is not { Preflighted: true, Valid: true, Done: false, ExternalMeta: null } ? "disallowed"
            : entry.Transfer is not null ? "already_registered"
            : StartTransfer(entry, topic, message.JoinRef);
        if (refusal.Length > 0)
        {
            UploadRefused($"join of {topic}: {refusal}");
            Send(FrameWriter.Current.JoinRefusal(message.JoinRef, message.Ref, topic, refusal));
            return;
        }

        var transfer = entry!.Transfer!;
        transfer.WatchIdle(entry.Upload.Options.ChunkTimeout, () => Post(new SessionMessage.Callback(() => TimeOut(transfer))));
        socket.RouteUpload(topic, this);
        Send(FrameWriter.Current.Reply(message.JoinRef, message.Ref, topic, ok: true));
    }

    /// <summary>No chunk came within the chunk timeout: the channel closes and the file goes, as when the browser leaves.</summary>
    private void TimeOut(UploadTransfer transfer)
    {
        if (FindTransfer(transfer.Topic) is { } entry && entry.Transfer == transfer && transfer.Received < entry.Size)
        {
            UploadRefused($"{transfer.Topic} sent no chunk within {entry.Upload.Options.ChunkTimeout.TotalSeconds:0.#} s");
            entry.AddError(UploadErrors.ExternalClientFailure);
            CloseUploadChannel(transfer.Topic, transfer.JoinRef);
            transfer.ChannelOpen = false;
            entry.Release();
        }
    }

    /// <summary>Creates the entry's temporary file; "" when done, else the refusal.</summary>
    private string StartTransfer(UploadEntry entry, string topic, string? channelJoinRef)
    {
        try
        {
            entry.Transfer = UploadTransfer.Create(host.Options.UploadDirectory, topic, channelJoinRef ?? "");
            return "";
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            LogUploadWriteFailed(logger, Topic, error.Message);
            return "writer_error";
        }
    }

    /// <summary>A binary chunk: appended to the entry's file, unless it would take the file past its declared size.</summary>
    private async Task<bool> HandleChunkAsync(SessionMessage.Chunk chunk)
    {
        var frames = FrameWriter.Current;
        if (FindTransfer(chunk.Topic) is not { } entry)
        {
            Send(frames.Reply(chunk.JoinRef, chunk.Ref, chunk.Topic, ok: false, "unmatched topic"));
            return true;
        }

        var transfer = entry.Transfer!;
        if (transfer.Received + chunk.Length > entry.Size)
        {
            UploadRefused($"{chunk.Topic} sent more than the {entry.Size} bytes it declared");
            Send(frames.ChunkTooLarge(chunk.JoinRef, chunk.Ref, chunk.Topic, entry.Size));
            entry.AddError(UploadErrors.TooLarge);
            return await DropTransferAsync(entry).ConfigureAwait(false);
        }

        try
        {
            await transfer.WriteAsync(chunk.Buffer.AsMemory(0, chunk.Length), lifetime.Token).ConfigureAwait(false);
        }
        catch (IOException error)
        {
            LogUploadWriteFailed(logger, Topic, error.Message);
            Send(frames.Reply(chunk.JoinRef, chunk.Ref, chunk.Topic, ok: false, "writer_error"));
            entry.AddError(UploadErrors.ExternalClientFailure);
            return await DropTransferAsync(entry).ConfigureAwait(false);
        }

        if (transfer.Received == entry.Size)
        {
            transfer.Complete();
        }

        Send(frames.Reply(chunk.JoinRef, chunk.Ref, chunk.Topic, ok: true));
        return true;
    }

    /// <summary>Ends a failed entry's channel and deletes its file; the entry stays, with its error, for the page to show.</summary>
    private Task<bool> DropTransferAsync(UploadEntry entry)
    {
        CloseUploadChannel(entry.Transfer!.Topic, entry.Transfer.JoinRef);
        entry.Transfer.ChannelOpen = false;
        entry.Release();
        return FinishAsync(refValue: null);
    }

    /// <summary>The entry uploading over the open channel <paramref name="topic"/>, or null.</summary>
    private UploadEntry? FindTransfer(string topic)
    {
        foreach (var config in view?.Uploads ?? [])
        {
            foreach (var entry in config.Entries)
            {
                if (entry.Transfer is { ChannelOpen: true } transfer && transfer.Topic == topic)
                {
                    return entry;
                }
            }
        }

        return null;
    }

    /// <summary>Closes the channels of entries the view consumed or cancelled (the client stops sending their chunks).</summary>
    private void CloseRemovedUploadChannels()
    {
        if (view is not { } mounted || mounted.Uploads.ChannelsToClose.Count == 0)
        {
            return;
        }

        foreach (var (topic, channelJoinRef) in mounted.Uploads.ChannelsToClose)
        {
            CloseUploadChannel(topic, channelJoinRef);
        }

        mounted.Uploads.ChannelsToClose.Clear();
    }

    private void CloseUploadChannel(string topic, string? channelJoinRef)
    {
        socket.UnrouteUpload(topic, this);
        Send(FrameWriter.Current.ClosePush(channelJoinRef, topic));
    }

    /// <summary>Deletes every file of the view's uploads and closes their channels: the session is ending.</summary>
    private void ReleaseUploads(LiveView mounted)
    {
        mounted.Uploads.ReleaseAll();
        CloseRemovedUploadChannels();
    }

    /// <summary>Logs a refused upload step: at Warning once per <see cref="HyperLiveOptions.ClientErrorLogInterval"/>, at Debug in between.</summary>
    private void UploadRefused(string reason)
    {
        if (!uploadWarningsStarted)
        {
            uploadWarnings = new WarningThrottle(host.Options.ClientErrorLogInterval);
            uploadWarningsStarted = true;
        }

        var level = uploadWarnings.Next(out var heldBack);
        LogUploadRefused(logger, level, Topic, reason, heldBack);
    }

    [LoggerMessage(Message = "Upload refused on {Topic}: {Reason} ({HeldBack} more from this view since the last warning, logged at Debug)")]
    private static partial void LogUploadRefused(ILogger logger, LogLevel level, string topic, string reason, int heldBack);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload on {Topic} could not be written: {Reason}")]
    private static partial void LogUploadWriteFailed(ILogger logger, string topic, string reason);
}
