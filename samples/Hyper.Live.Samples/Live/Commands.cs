
namespace Hyper.Live.Samples.Live;

/// <summary>
/// Server-driven browser commands: push events to a JS hook, focus, scroll, download and
/// JavaScript, and flash messages. The hook <c>Saver</c> is registered by the page script below.
/// </summary>
public sealed class Commands : LiveView
{
    private int saves;

    public void Save()
    {
        saves++;
        PushEvent("saved", new { count = saves });
        Flash.Success($"Saved {saves} time(s)");
    }

    [ClientEvent] // pushed by the Saver hook (this.pushEvent), not bound in the template
    public void Ping(LiveEvent liveEvent) => Reply(new { pong = "pong " + liveEvent["n"] });

    public void FocusName() => Focus("#name");

    public void ScrollToBottom() => Scroll("#bottom", "end");

    public void DownloadReport() => Download("/commands-report.txt", "report.txt");

    public void Greet() => RunJavaScript("document.querySelector('#greeting').textContent = 'Hello, ' + args.name", new { name = "Ada" });

    public void Fail() => throw new RecoverableError("That did not work, try again.");

    public void Navigate()
    {
        Flash.Info("Navigated here without a page load");
        PushNavigate("/commands?via=navigate");
    }

    public void Reload()
    {
        Flash.Info("Redirected here with a page load");
        Redirect("/commands?via=redirect");
    }

    public override Html Render() => $$"""
        <section class="commands">
          {{Flash.Render()}}
          <div id="saver" phx-hook="Saver">Hook saw: <span id="hook-saw">nothing</span>
            <button id="ping" type="button">Ping the server</button> <span id="pong"></span></div>
          <button id="save" @click="save">Save</button>
          <button id="focus" @click="focus_name">Focus the name</button>
          <button id="scroll" @click="scroll_to_bottom">Scroll down</button>
          <button id="download" @click="download_report">Download</button>
          <button id="greet" @click="greet">Greet</button>
          <button id="fail" @click="fail">Fail</button>
          <button id="navigate" @click="navigate">Navigate</button>
          <button id="reload" @click="reload">Redirect</button>
          <a id="users-link" href="/users?page=2" data-phx-link="redirect" data-phx-link-state="push">Users</a>
          <p id="greeting"></p>
          <input id="name" name="name">
          <div style="height: 3000px"></div>
          <p id="bottom">Bottom</p>
          <script>
            // Runs before the deferred client script: prepare the hooks object it will use.
            window.hyperLive = window.hyperLive || {};
            window.hyperLive.hooks = window.hyperLive.hooks || {};
            window.hyperLive.hooks.Saver = {
              mounted() {
                this.handleEvent("saved", ({count}) => { document.querySelector("#hook-saw").textContent = "saved " + count })
                this.el.querySelector("#ping").addEventListener("click", () =>
                  this.pushEvent("ping", {n: 5}, (reply) => { document.querySelector("#pong").textContent = reply.pong }))
              }
            }
          </script>
        </section>
        """;
}
