using Hyper.Live.Templates;

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
