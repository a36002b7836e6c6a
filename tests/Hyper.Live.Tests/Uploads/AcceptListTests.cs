using Hyper.Live.Protocol;
using Hyper.Live.Uploads;

namespace Hyper.Live.Tests.Uploads;

/// <summary>What <see cref="UploadOptions.Accept"/> lets through, and how binary frames are read.</summary>
public sealed class AcceptListTests
{
    [Theory]
    [InlineData("a.jpg", "image/jpeg", true)]
    [InlineData("A.JPG", "image/jpeg", true)]
    [InlineData("a.jpg", "text/html", false)]     // extension right, declared type wrong
    [InlineData("a.html", "image/jpeg", false)]   // declared type right, extension wrong
    [InlineData("a.png", "image/png", true)]      // by MIME pattern
    [InlineData("a.png", "", false)]              // a known extension must come with its type
    [InlineData("a", "image/png", false)]
    [InlineData("a.unknownext", "image/x-thing", true)] // nothing to cross-check an unknown extension with
    public void Extension_and_declared_type_must_agree(string name, string type, bool accepted) =>
        Assert.Equal(accepted, AcceptList.Accepts([".jpg", "image/*"], name, type));

    [Fact]
    public void No_accept_list_takes_any_file() =>
        Assert.True(AcceptList.Accepts(null, "run.exe", "application/octet-stream") && AcceptList.Accepts([], "x", ""));

    [Fact]
    public void A_binary_push_is_read_as_the_client_writes_it()
    {
        byte[] frame = [0, 2, 2, 5, 5, .. "12"u8, .. "13"u8, .. "lvu:0"u8, .. "chunk"u8, 1, 2, 3];

        var parsed = FrameParser.ParseBinary(frame);

        Assert.Equal(("12", "13", "lvu:0", "chunk", 19, (string?)null), (parsed.JoinRef, parsed.Ref, parsed.Topic, parsed.Event, parsed.PayloadOffset, parsed.Error));
    }

    [Theory]
    [InlineData(new byte[] { 1, 0, 0, 0, 0 }, "a binary frame must be a push")]
    [InlineData(new byte[] { 0, 0, 0 }, "a binary frame must be a push")]
    [InlineData(new byte[] { 0, 9, 0, 0, 0, 65 }, "header is longer than the frame")]
    [InlineData(new byte[] { 0, 1, 0, 0, 0, 0xFF }, "must be UTF-8")]
    public void A_malformed_binary_frame_is_refused_with_a_reason(byte[] frame, string reason) =>
        Assert.Contains(reason, FrameParser.ParseBinary(frame).Error, StringComparison.Ordinal);
}
