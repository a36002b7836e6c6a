using System.Text.RegularExpressions;
using Hyper.Live.Tests.Transports;

namespace Hyper.Live.Tests.Uploads;

/// <summary>An upload over the long-poll transport, whose client sends each binary chunk as a base64 line.</summary>
public sealed partial class LongPollUploadTests(LongPollTestServer server) : IClassFixture<LongPollTestServer>
{
    [Fact]
    public async Task A_file_uploads_over_long_poll_in_base64_chunks()
    {
        using var client = await LongPollTestClient.LoadAsync(server.BaseAddress, "/tests/uploads/upload-view");
        await client.OpenAsync();
        await client.PostAsync(client.Join(out var joinRef));
        var uploadRef = UploadRef().Match((await client.ReplyToAsync(joinRef)).ToJsonString()).Value;
        var file = new { @ref = "0", name = "lp.txt", size = 6, type = "text/plain", path = "doc" };

        await client.PostAsync(client.Frame(joinRef, client.Topic, "event",
            new { type = "form", @event = "validate", value = "", uploads = new Dictionary<string, object[]> { [uploadRef] = [file] } }, out var validated));
        await client.ReplyToAsync(validated);
        await client.PostAsync(client.Frame(joinRef, client.Topic, "allow_upload", new { @ref = uploadRef, entries = new[] { file } }, out var preflighted));
        var token = (string)(await client.ReplyToAsync(preflighted))[4]!["response"]!["entries"]!["0"]!;
        await client.PostAsync(client.Frame("u0", "lvu:0", "phx_join", new { token }, out var joined));
        Assert.Equal("ok", (string?)(await client.ReplyToAsync(joined))[4]!["status"]);

        foreach (var (part, refValue) in new[] { ("long", "c1"), ("pl", "c2") })
        {
            await client.PostAsync(Convert.ToBase64String(UploadSession.BinaryPush("u0", refValue, "lvu:0", "chunk", System.Text.Encoding.UTF8.GetBytes(part))));
            Assert.Equal("ok", (string?)(await client.ReplyToAsync(refValue))[4]!["status"]);
        }

        await client.PostAsync(client.Frame(joinRef, client.Topic, "progress", new { @ref = uploadRef, entry_ref = "0", progress = 100 }, out var progressed));
        await client.ReplyToAsync(progressed);
        await client.PostAsync(client.Frame(joinRef, client.Topic, "event", new { type = "form", @event = "save", value = "" }, out var saved));
        Assert.Contains("consumed:lp.txt=longpl", (await client.ReplyToAsync(saved)).ToJsonString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("phx-[0-9a-f]{16}")]
    private static partial Regex UploadRef();
}
