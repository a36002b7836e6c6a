using Microsoft.AspNetCore.Builder;

namespace Hyper.Live.Testing.Tests;

/// <summary>A child live view's props.</summary>
public sealed record GreeterProps(string Name);

/// <summary>A child live view: its own count, crashes on demand.</summary>
public sealed class Greeter : LiveView<GreeterProps>
{
    public int Waves { get; private set; }

    public void Wave() => Waves++;

    public override Html Render() => $$"""<p class="greeting">hello {{Props.Name}} ×{{Waves}}</p><button class="wave" @click="wave">wave</button>""";
}

/// <summary>A view that embeds two <see cref="Greeter"/>s.</summary>
public sealed class GreetersView : LiveView
{
    private int renders;

    public void Again() => renders++;

    public override Html Render() => $$"""
        <h1>greeters {{renders}}</h1><button class="again" @click="again">again</button>
        {{LiveRender<Greeter, GreeterProps>("ann", new("Ann"))}}
        {{LiveRender<Greeter, GreeterProps>("bob", new("Bob"))}}
        """;
}

/// <summary>Issue 14 item 4: nested live views through the test client, joined as the browser joins them.</summary>
public sealed class NestedViewTests : IAsyncLifetime
{
    private LiveTestHost host = null!;
    private LiveClient client = null!;

    public async Task InitializeAsync()
    {
        host = await LiveTestHost.StartAsync(app =>
        {
            app.MapHyperLive(typeof(GreetersView).Assembly);
            app.MapLive<GreetersView>("/greeters");
        });
        client = host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await client.DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Each_child_is_joined_with_its_props_and_keeps_its_state_while_the_parent_renders_again()
    {
        var page = await client.LiveAsync("/greeters");
        var ann = page.Child("ann");
        var bob = page.Child("bob");

        await ann.ClickAsync(".wave");
        await ann.ClickAsync(".wave");
        await bob.ClickAsync(".wave");
        await page.ClickAsync(".again");

        Assert.Equal(["ann", "bob"], page.ChildIds);
        Assert.Equal("hello Ann ×2", ann.Text(".greeting"));
        Assert.Equal(1, bob.State<Greeter>().Waves);
        Assert.Equal("Bob", bob.State<Greeter>().Props.Name);
        Assert.Equal("greeters 1", page.Text("h1"));
        Assert.False(page.Has(".greeting"), "a child's markup is its own page's, not its parent's");
        Assert.True(page.Has("#ann[data-phx-parent-id]"));
    }
}
