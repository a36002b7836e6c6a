using System.IO.Compression;
using System.Text;
using Hyper.Live.LoadTest;

namespace Hyper.Live.LoadTest.Tests;

/// <summary>The harness's per-message deflate reader, against messages compressed with context takeover.</summary>
public sealed class MessageInflaterTests
{
    [Fact]
    public void Messages_that_refer_back_to_earlier_ones_inflate_one_by_one()
    {
        string[] messages =
        [
            """["4","4","lv:phx-a","phx_reply",{"status":"ok","response":{"rendered":{"0":"row row row row"}}}]""",
            """["4","5","lv:phx-a","phx_reply",{"status":"ok","response":{"diff":{"0":"row row"}}}]""",
            new string('x', 40_000), // inflates to more than one read chunk
        ];
        using var output = new MemoryStream();
        using var deflate = new DeflateStream(output, CompressionLevel.Optimal);
        using var inflater = new MessageInflater();
        var previous = 0;

        foreach (var message in messages)
        {
            // A sync flush ends the message with 00 00 FF FF, which the sender strips (RFC 7692 §7.2.1).
            deflate.Write(Encoding.UTF8.GetBytes(message));
            deflate.Flush();
            var payload = output.ToArray()[previous..^4];
            previous = (int)output.Length;

            Assert.Equal(message, Encoding.UTF8.GetString(inflater.Inflate(payload)));
        }

        // The second message is mostly a back-reference into the first: it needs the shared window.
        Assert.True(previous < 1000, $"compressed to {previous} bytes");
    }
}
