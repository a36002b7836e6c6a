using Hyper.Live.Samples.Live.Parts;

namespace Hyper.Live.Samples.Live;

/// <summary>
/// A page whose layout docks a sticky <see cref="Player"/>: the player joins on its own, and a live
/// navigation of this page (a live link, <c>PushNavigate</c>) replaces only the main view. Its own render
/// embeds <see cref="Requests"/>, a child view that ends when the page hides it.
/// </summary>
public sealed class Radio : LiveView
{
    private bool showRequests = true;

    protected override void Mount(LiveParams parameters) => Title = "Radio";

    public void Browse() => PushNavigate("/counter");

    public void ToggleRequests() => showRequests = !showRequests;

    protected override Html? Layout(LiveLayoutContext context) =>
        SamplesLayout.Render(context, context.LiveRender<Player, PlayerProps>("player", new("Hyper FM")));

    public override Html Render() => $$"""
        <section class="radio">
          <p>The player below is a live view of its own, kept across live navigation: start it, then leave this page.</p>
          <a id="to-counter" href="/counter" data-phx-link="redirect" data-phx-link-state="push">Counter (live link)</a>
          <button id="browse" @click="browse">Counter (PushNavigate)</button>
          <button id="toggle-requests" @click="toggleRequests">{{(showRequests ? "Hide requests" : "Show requests")}}</button>
          {{(showRequests ? LiveRender<Requests, PlayerProps>("requests", new("Hyper FM")) : Html.Empty)}}
        </section>
        """;
}
