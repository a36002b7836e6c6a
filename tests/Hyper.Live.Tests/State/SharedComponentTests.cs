using Hyper.Live.Testing;
using Microsoft.AspNetCore.Builder;

namespace Hyper.Live.Tests.State;

/// <summary><see cref="Shared{T}"/> read by live components: a change renders the components that read it, and no other.</summary>
public sealed class SharedComponentTests
{
    private static Task<LiveTestHost> StartAsync() => LiveTestHost.StartAsync(app =>
    {
        app.MapHyperLive(typeof(SharedComponentTests).Assembly);
        app.MapLive<SharedComponentsView>("/shared-components");
    });

    [Fact]
    public async Task A_change_re_renders_the_component_that_read_it_and_not_its_sibling()
    {
        var name = "test:" + Guid.NewGuid().ToString("N");
        var shared = Shared.Get(name, () => 0);
        await using var host = await StartAsync();
        await using var client = host.CreateClient();
        var page = await client.LiveAsync("/shared-components?name=" + name);
        var reader = page.Component<SharedReaderComponent>("reader");
        var quiet = page.Component<QuietComponent>("quiet");
        var (readerRenders, quietRenders) = (reader.State.Renders, quiet.State.Renders);
        Assert.Equal("0", reader.Text(".count"));

        shared.Update(n => n + 1);

        await page.WaitForAsync(p => p.Component<SharedReaderComponent>("reader").Text(".count") == "1");
        Assert.Equal(readerRenders + 1, reader.State.Renders);
        Assert.Equal(quietRenders, quiet.State.Renders);

        // An event of the view renders the view but neither component; the component must still follow the value.
        await page.ClickAsync("#touch");
        shared.Update(n => n + 1);
        await page.WaitForAsync(p => p.Component<SharedReaderComponent>("reader").Text(".count") == "2");
        Assert.Equal(quietRenders, quiet.State.Renders);
        Assert.Equal(1, shared.ReaderCount);
    }

    /// <summary>A view whose own render reads no shared value, with a component that does and one that does not.</summary>
    public sealed class SharedComponentsView : LiveView
    {
        private int touches;

        protected internal override void Mount(LiveParams parameters) =>
            SharedReaderComponent.Value = Shared.Get(parameters["name"]!, () => 0);

        public void Touch() => touches++;

        public override Html Render() => $$"""
            <p id="touches">{{touches}}</p><button id="touch" @click="touch">touch</button>
            {{Component<SharedReaderComponent>("reader")}}
            {{Component<QuietComponent>("quiet")}}
            """;
    }

    /// <summary>Reads the shared value in its render; counts its renders.</summary>
    public sealed class SharedReaderComponent : LiveComponent
    {
        private readonly Shared<int> value = Value ?? throw new InvalidOperationException("no shared value");

        /// <summary>The value components made next read (set by the view's mount, on the same test).</summary>
        public static Shared<int>? Value { get; set; }

        public int Renders { get; private set; }

        public override Html Render()
        {
            Renders++;
            return $"""<div><p class="count">{value.Value}</p></div>""";
        }
    }

    /// <summary>Reads nothing shared; counts its renders.</summary>
    public sealed class QuietComponent : LiveComponent
    {
        public int Renders { get; private set; }

        public override Html Render()
        {
            Renders++;
            return $"<p>quiet</p>";
        }
    }
}
