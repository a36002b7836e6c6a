using Hyper.Live.Samples.Live.Parts;

namespace Hyper.Live.Samples.Live;

/// <summary>
/// A page whose layout docks a sticky <see cref="Player"/>: the player joins on its own, and a live
/// navigation of this page (a live link, <c>PushNavigate</c>) replaces only the main view.
/// </summary>
public sealed class Radio : LiveView
{
    protected override void Mount(LiveParams parameters) => Title = "Radio";

    public void Browse() => PushNavigate("/counter");

    protected override Html? Layout(LiveLayoutContext context) =>
        SamplesLayout.Render(context, context.LiveRender<Player, PlayerProps>("player", new("Hyper FM")));

    public override Html Render() => $$"""
        <section class="radio">
          <p>The player below is a live view of its own, kept across live navigation: start it, then leave this page.</p>
          <a id="to-counter" href="/counter" data-phx-link="redirect" data-phx-link-state="push">Counter (live link)</a>
          <button id="browse" @click="browse">Counter (PushNavigate)</button>
        </section>
        """;
}
