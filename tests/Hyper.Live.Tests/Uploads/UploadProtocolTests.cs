using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hyper.Live.Tests.Protocol;

namespace Hyper.Live.Tests.Uploads;

/// <summary>
/// Uploads over a real WebSocket as the Phoenix client speaks them (issue 17): a form event declares
/// the files, <c>allow_upload</c> hands out tokens, each entry's <c>lvu:</c> channel takes binary chunks,
/// <c>progress</c> completes it. Then what a hostile client can try.
/// </summary>
public sealed partial class UploadProtocolTests(UploadTestServer server) : IClassFixture<UploadTestServer>
{
    private const string Path = "/tests/uploads/upload-view";

    [Fact]
    public async Task A_file_uploads_in_chunks_and_is_consumed_as_a_stream_then_deleted()
    {
        await using var upload = await UploadSession.StartAsync(server);
        var tokens = await upload.PreflightAsync(("0", "a.txt", 11, "text/plain"));
        Assert.Equal(4, (int)upload.LastPreflight!["config"]!["chunk_size"]!);

        var channel = await upload.JoinEntryAsync("0", tokens["0"]);
        Assert.Equal("ok", (string?)channel["status"]);
        foreach (var part in new[] { "hell", "o w", "orld" })
        {
            var ack = await upload.ChunkAsync("0", Encoding.UTF8.GetBytes(part));
            Assert.Equal("ok", (string?)ack["status"]);
        }

        Assert.Single(server.TempFiles());
        var done = await upload.ProgressAsync("0", 100);
        Assert.Contains("a.txt:100:True:", done.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("progress-calls:1", done.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("\"0\"", done.ToJsonString(), StringComparison.Ordinal); // data-phx-done-refs

        var save = await upload.EventAsync("save", "form");
        Assert.Contains("consumed:a.txt=hello world", save.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(server.TempFiles());
    }

    [Fact]
    public async Task The_input_lists_the_entries_refs_as_the_client_reads_them()
    {
        await using var upload = await UploadSession.StartAsync(server);
        Assert.Matches("""<input id="phx-[0-9a-f]{16}" type="file" name="doc" accept=".txt,image/\*" class="" data-phx-hook="Phoenix.LiveFileUpload" data-phx-upload-ref="phx-[0-9a-f]{16}" data-phx-active-refs="" data-phx-done-refs="" data-phx-preflighted-refs="" data-phx-error-refs="" data-phx-auto-upload multiple>""", upload.Html);

        var reply = (await upload.EventAsync("validate", "form", ("0", "a.txt", 3, "text/plain"), ("1", "b.exe", 3, "application/octet-stream"))).ToJsonString();
        Assert.Contains("\"0,1\"", reply, StringComparison.Ordinal);
        Assert.Contains("a.txt:0:False:", reply, StringComparison.Ordinal);
        Assert.Contains("b.exe:0:False:not_accepted", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extension_and_declared_type_must_both_be_accepted()
    {
        await using var upload = await UploadSession.StartAsync(server);
        var tokens = await upload.PreflightAsync(("0", "page.txt", 5, "text/html"), ("1", "photo.png", 5, "image/png"));

        Assert.Equal(["1"], tokens.Keys);
        Assert.Equal("not_accepted", (string?)upload.LastPreflight!["errors"]!["0"]![0]);
    }

    [Fact]
    public async Task More_bytes_than_declared_are_refused_the_channel_closed_and_the_file_deleted()
    {
        await using var upload = await UploadSession.StartAsync(server);
        var tokens = await upload.PreflightAsync(("0", "a.txt", 5, "text/plain"));
        await upload.JoinEntryAsync("0", tokens["0"]);
        Assert.Equal("ok", (string?)(await upload.ChunkAsync("0", "abcd"u8.ToArray()))["status"]);

        var others = new List<JsonArray>();
        var refused = await upload.ChunkAsync("0", "efgh"u8.ToArray(), others);

        Assert.Equal("error", (string?)refused["status"]);
        Assert.Equal("file_size_limit_exceeded", (string?)refused["response"]!["reason"]);
        Assert.Equal(5, (int)refused["response"]!["limit"]!);
        await upload.ReceiveUntilAsync(f => (string?)f[2] == "lvu:0" && (string?)f[3] == "phx_close", others);
        Assert.Empty(server.TempFiles());
        Assert.Contains(Logged(), line => line.StartsWith("Warning: Upload refused", StringComparison.Ordinal) && line.Contains("more than the 5 bytes", StringComparison.Ordinal));

        // The view carries on, and shows the entry's error.
        await upload.ReceiveUntilAsync(f => f.ToJsonString().Contains("a.txt:0:False:too_large", StringComparison.Ordinal), others);
        Assert.Equal("ok", (string?)(await upload.EventAsync("validate", "form"))["status"]);
    }

    [Fact]
    public async Task Chunks_for_another_entry_and_a_token_of_another_entry_are_refused()
    {
        await using var upload = await UploadSession.StartAsync(server);
        var tokens = await upload.PreflightAsync(("0", "a.txt", 4, "text/plain"), ("1", "b.txt", 4, "text/plain"));
        await upload.JoinEntryAsync("0", tokens["0"]);

        var stray = await upload.ChunkAsync("1", "abcd"u8.ToArray());
        Assert.Equal("error", (string?)stray["status"]);
        Assert.Equal("unmatched topic", (string?)stray["response"]!["reason"]);

        var swapped = await upload.JoinEntryAsync("1", tokens["0"]);
        Assert.Equal("invalid_token", (string?)swapped["response"]!["reason"]);
        var again = await upload.JoinEntryAsync("0", tokens["0"]);
        Assert.Equal("already_registered", (string?)again["response"]!["reason"]);
        Assert.Single(server.TempFiles());
    }

    [Fact]
    public async Task Forged_and_foreign_tokens_are_refused()
    {
        await using var upload = await UploadSession.StartAsync(server);
        var tokens = await upload.PreflightAsync(("0", "a.txt", 4, "text/plain"));
        await using var other = await UploadSession.StartAsync(server);
        var otherTokens = await other.PreflightAsync(("0", "a.txt", 4, "text/plain"));

        var forged = tokens["0"][..^4] + (tokens["0"].EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        foreach (var token in new[] { forged, "nonsense", "", otherTokens["0"], tokens["0"].Split('.')[0] + "." })
        {
            var reply = await upload.JoinEntryAsync("0", token);
            Assert.Equal("error", (string?)reply["status"]);
            Assert.Equal("invalid_token", (string?)reply["response"]!["reason"]);
        }

        Assert.Empty(server.TempFiles());
        Assert.Equal("ok", (string?)(await upload.JoinEntryAsync("0", tokens["0"]))["status"]);
    }

    [Fact]
    public async Task Ten_thousand_tiny_entries_are_refused_as_too_many_files_without_being_kept()
    {
        await using var upload = await UploadSession.StartAsync(server);
        var entries = Enumerable.Range(0, 10_000).Select(i => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), "f.txt", 1L, "text/plain")).ToArray();

        var tokens = await upload.PreflightAsync(entries);

        Assert.Empty(tokens);
        Assert.Equal("""[["{{upload.UploadRef}}","too_many_files"]]""".Replace("{{upload.UploadRef}}", upload.UploadRef, StringComparison.Ordinal), upload.LastPreflight!["error"]!.ToJsonString());
        var page = upload.Transcript;
        Assert.Contains("errors:too_many_files", page, StringComparison.Ordinal);
        Assert.Equal(2, CountMatches(page, "f.txt:0"));
    }

    [Fact]
    public async Task Files_over_the_views_disk_budget_are_refused_with_a_clear_error()
    {
        await using var upload = await UploadSession.StartAsync(server);
        var tokens = await upload.PreflightAsync(("0", "a.txt", 100_000, "text/plain"), ("1", "b.txt", 100_000, "text/plain"));

        Assert.Equal(["0"], tokens.Keys);
        Assert.Equal("disk_budget_exceeded", (string?)upload.LastPreflight!["errors"]!["1"]![0]);
        Assert.Equal("The server has no room for this file right now.", UploadErrors.Message(UploadErrors.DiskBudgetExceeded));
    }

    [Fact]
    public async Task A_view_that_goes_away_mid_upload_deletes_its_files()
    {
        var upload = await UploadSession.StartAsync(server);
        var tokens = await upload.PreflightAsync(("0", "a.txt", 8, "text/plain"));
        await upload.JoinEntryAsync("0", tokens["0"]);
        await upload.ChunkAsync("0", "abcd"u8.ToArray());
        Assert.Single(server.TempFiles());

        await upload.DisposeAsync();

        await Eventually(() => server.TempFiles().Length == 0);
    }

    [Fact]
    public async Task Leaving_an_upload_channel_mid_file_deletes_the_partial_file()
    {
        await using var upload = await UploadSession.StartAsync(server);
        var tokens = await upload.PreflightAsync(("0", "a.txt", 8, "text/plain"));
        await upload.JoinEntryAsync("0", tokens["0"]);
        await upload.ChunkAsync("0", "abcd"u8.ToArray());

        var left = await upload.Client.PushAsync("u0", "lvu:0", "phx_leave", new { });
        await upload.Client.ReplyToAsync(left);

        Assert.Empty(server.TempFiles());
        await upload.EventAsync("validate", "form");
        Assert.Contains("a.txt:0:False:external_client_failure", upload.Transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_an_entry_closes_its_channel_and_deletes_its_file()
    {
        await using var upload = await UploadSession.StartAsync(server);
        var tokens = await upload.PreflightAsync(("0", "a.txt", 8, "text/plain"));
        await upload.JoinEntryAsync("0", tokens["0"]);
        await upload.ChunkAsync("0", "abcd"u8.ToArray());

        var others = new List<JsonArray>();
        var reply = await upload.EventAsync("cancel", "click", value: new { id = "0" }, others: others);

        Assert.DoesNotContain("a.txt", reply.ToJsonString(), StringComparison.Ordinal);
        await upload.ReceiveUntilAsync(f => (string?)f[2] == "lvu:0" && (string?)f[3] == "phx_close", others);
        Assert.Empty(server.TempFiles());
        var late = await upload.ChunkAsync("0", "efgh"u8.ToArray());
        Assert.Equal("unmatched topic", (string?)late["response"]!["reason"]);
    }

    [Fact]
    public async Task An_upload_with_no_chunk_within_the_chunk_timeout_is_closed_and_deleted()
    {
        await using var upload = await UploadSession.StartAsync(server, "/tests/uploads/slow-upload-view");
        var tokens = await upload.PreflightAsync(("0", "a.txt", 8, "text/plain"));
        Assert.Equal(300, (int)upload.LastPreflight!["config"]!["chunk_timeout"]!);
        await upload.JoinEntryAsync("0", tokens["0"]);
        await upload.ChunkAsync("0", "abcd"u8.ToArray());

        await upload.ReceiveUntilAsync(f => (string?)f[2] == "lvu:0" && (string?)f[3] == "phx_close", []);

        Assert.Empty(server.TempFiles());
        await upload.ReceiveUntilAsync(f => f.ToJsonString().Contains("external_client_failure", StringComparison.Ordinal), []);
    }

    [Fact]
    public async Task An_external_upload_gets_the_uploaders_metadata_instead_of_a_token_and_completes_on_progress()
    {
        await using var upload = await UploadSession.StartAsync(server, "/tests/uploads/external-upload-view");
        var granted = await upload.PreflightAsync(("0", "a.txt", 4, "text/plain"));

        Assert.Empty(granted); // no channel token: the browser's "S3" uploader sends the file
        Assert.Equal("""{"url":"https://bucket.example/upload?signature=abc","key":"uploads/a.txt","uploader":"S3"}""", upload.LastPreflight!["entries"]!["0"]!.ToJsonString());
        Assert.Equal("invalid_token", (string?)(await upload.JoinEntryAsync("0", "x.y"))["response"]!["reason"]);

        await upload.ProgressAsync("0", 100);
        await upload.EventAsync("save", "form");
        Assert.Contains("consumed:a.txt:uploads/a.txt:0", upload.Transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_entries_and_progress_are_ignored_and_repeated_progress_is_answered_without_a_render()
    {
        await using var upload = await UploadSession.StartAsync(server);
        var sent = await upload.Client.PushAsync(upload.JoinRef, upload.Client.Topic, "allow_upload", new
        {
            @ref = upload.UploadRef,
            entries = new object[] { new { @ref = "0", size = "big" }, new { @ref = 7, size = 1 }, "x", new { @ref = "1", name = "a.txt", type = "text/plain", size = 3, last_modified = "yesterday" } },
        });
        var reply = await upload.Client.ReplyToAsync(sent);
        Assert.Equal(["1"], reply["response"]!["entries"]!.AsObject().Select(p => p.Key));

        foreach (var progress in new object[] { "50", new[] { 1 }, 1.5, 0 })
        {
            var answer = await upload.ProgressAsync("1", progress);
            Assert.Equal("""{"status":"ok","response":{}}""", answer.ToJsonString());
        }

        Assert.Contains("a.txt:0:False:", reply.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Logged(), line => line.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_malformed_binary_frame_closes_the_socket_and_a_chunk_with_no_channel_gets_an_error()
    {
        await using var upload = await UploadSession.StartAsync(server);
        var nowhere = await upload.ChunkAsync("77", "abcd"u8.ToArray());
        Assert.Equal("unmatched topic", (string?)nowhere["response"]!["reason"]);

        await upload.Client.Socket.SendAsync(new byte[] { 0, 200, 1, 1, 1, 65 }, WebSocketMessageType.Binary, true, CancellationToken.None);
        await Assert.ThrowsAsync<PhoenixTestClient.WebSocketClosedException>(async () => await upload.ReceiveUntilAsync(_ => false, []));
    }

    private static int CountMatches(string text, string value) => Regex.Count(text, Regex.Escape(value));

    private string[] Logged()
    {
        lock (server.Logs)
        {
            return [.. server.Logs];
        }
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 20)
        {
            Assert.True(waited < 10_000, "the condition did not hold within 10 s");
            await Task.Delay(20);
        }
    }
}
