using System.Text.Json;
using Hyper.Live.Protocol;

namespace Hyper.Live.Tests.Protocol;

public sealed class JsonTextTests
{
    [Theory]
    [InlineData("""["plain","é😀"]""")]
    [InlineData("""{"pair":"\ud83d\ude00","escapes":"\n\t\"\\\/\u0041"}""")]
    [InlineData("""["\\ud800 is text after an escaped backslash"]""")]
    [InlineData("""{"n":1,"b":true,"x":null,"nested":[{"a":"\uD83D\uDE00"}]}""")]
    public void Well_formed_strings_pass(string json) =>
        Assert.True(JsonText.IsWellFormed(Parse(json)));

    [Theory]
    [InlineData("""["\ud800"]""")]
    [InlineData("""["\udc00"]""")]
    [InlineData("""["\ud800x"]""")]
    [InlineData("""["\ud800\u0041"]""")]
    [InlineData("""["\ud800\n"]""")]
    [InlineData("""["\ud800\ud800\udc00"]""")]
    [InlineData("""["\ude00\ud83d"]""")]
    [InlineData("""{"\udfff":1}""")]
    [InlineData("""[{"a":[{"b":"ok"},"\\\ud800"]}]""")]
    public void Lone_surrogates_are_found_anywhere(string json)
    {
        var element = Parse(json);
        Assert.False(JsonText.IsWellFormed(element));
    }

    [Fact]
    public void Get_string_really_throws_on_what_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => Parse("""["\ud800"]""")[0].GetString());

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
