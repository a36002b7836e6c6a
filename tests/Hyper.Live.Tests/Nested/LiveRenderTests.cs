using Hyper.Live.Templates;
using Hyper.Tests.NestedChildren;

namespace Hyper.Live.Tests.Nested;

/// <summary>LiveRender outside Hyper.Live's own rendering.</summary>
public sealed class LiveRenderTests
{
    [Fact]
    public void A_view_rendered_by_hand_gets_an_error_naming_the_child_and_where_live_render_works()
    {
        using var arena = RenderArena.Enter();

        var error = Assert.Throws<InvalidOperationException>(() => new ParentView().Render());

        Assert.Contains("LiveRender<Ticker> works only in ParentView.Render() while Hyper.Live renders it", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>The containers <see cref="Hyper.Live.Views.NestedViews"/> writes, and when it signs a child's token again.</summary>
public sealed class NestedViewsTests
{
    private int signed;

    private Hyper.Live.Views.NestedViews Connected(TimeSpan resignAfter) => new("parent-1", _ => "token-" + ++signed, connected: true, resignAfter);

    [Fact]
    public void The_same_child_renders_the_same_container_and_is_signed_once()
    {
        var nested = Connected(TimeSpan.FromDays(7));
        using var arena = RenderArena.Enter();

        var first = HtmlRenderer.Render(nested.Render<Ticker>("ticker", new TickerProps("a"), hasProps: true));
        var again = HtmlRenderer.Render(nested.Render<Ticker>("ticker", new TickerProps("a"), hasProps: true));

        Assert.Equal("""<div id="ticker" data-phx-session="token-1" data-phx-static="" data-phx-parent-id="parent-1"></div>""", first);
        Assert.Equal(first, again);
        Assert.Equal(1, signed);
    }

    [Fact]
    public void New_props_or_an_aging_token_are_signed_again()
    {
        var nested = Connected(TimeSpan.FromDays(7));
        var aging = Connected(TimeSpan.FromTicks(-1));
        using var arena = RenderArena.Enter();

        nested.Render<Ticker>("ticker", new TickerProps("a"), hasProps: true);
        nested.Render<Ticker>("ticker", new TickerProps("b"), hasProps: true);
        aging.Render<AdminOnly>("admin", null, hasProps: false);
        aging.Render<AdminOnly>("admin", null, hasProps: false);

        Assert.Equal(4, signed);
    }
}
