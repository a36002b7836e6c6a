using Hyper.Live.Events;
using Hyper.Live.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hyper.Live.Tests.Limits;

/// <summary>Parsing limits, failing early on bad ones, and the handler sets sessions keep.</summary>
public sealed class RateLimitTests
{
    [Theory]
    [InlineData("10/minute", 10, 60)]
    [InlineData("5/second", 5, 1)]
    [InlineData("100/hour", 100, 3600)]
    public void Parses_count_per_second_minute_or_hour(string text, int permits, int seconds)
    {
        var limit = RateLimit.Parse(text);

        Assert.Equal(new RateLimit(permits, TimeSpan.FromSeconds(seconds)), limit);
        Assert.Equal(text, limit.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("10/min")]
    [InlineData("10/minutes")]
    [InlineData(" 10/minute")]
    [InlineData("10 /minute")]
    [InlineData("+10/minute")]
    [InlineData("-1/minute")]
    [InlineData("0/minute")]
    [InlineData("1.5/minute")]
    [InlineData("99999999999/minute")]
    [InlineData("10/Minute")]
    public void Refuses_anything_else_saying_what_is_expected(string text)
    {
        var error = Assert.Throws<FormatException>(() => RateLimit.Parse(text));

        Assert.Equal($"'{text}' is not a rate limit: write a positive count, a slash and second, minute or hour, e.g. \"10/minute\", \"5/second\" or \"100/hour\".", error.Message);
    }

    [Fact]
    public void A_bad_limit_attribute_fails_when_the_view_is_first_used_naming_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => HandlerTable.For(typeof(MisconfiguredView)));

        Assert.StartsWith("[RateLimit] on MisconfiguredView: '10 per minute' is not a rate limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_limit_option_fails_at_startup_naming_the_option()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddHyperLive(options => options.EventRateLimit = "fast");
        using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapHyperLive(typeof(RateLimitTests).Assembly));

        Assert.StartsWith("HyperLiveOptions.EventRateLimit: 'fast' is not a rate limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_handler_mask_holds_any_index_and_a_union_never_shares_storage()
    {
        var template = default(HandlerMask);
        template.Add(3);
        template.Add(130);
        var session = default(HandlerMask);
        session.UnionWith(template);
        session.Add(131);

        Assert.True(session.Contains(3) && session.Contains(130) && session.Contains(131));
        Assert.False(session.Contains(4) || session.Contains(64) || session.Contains(500));
        Assert.False(template.Contains(131));
    }
}
