namespace Hyper.Live.Samples.Live;

/// <summary>
/// Several flash messages of one kind, each closable; a redirect that replaces the history entry
/// and carries them; <c>Scroll()</c> back to the top of a long page.
/// </summary>
public sealed class Notices : LiveView
{
    private int checks;

    public void Check()
    {
        checks++;
        Flash.AddWarning($"Check {checks}: disk almost full");
        Flash.AddWarning($"Check {checks}: backup overdue");
    }

    public void Leave()
    {
        Flash.AddInfo("Left the notices");
        Flash.AddInfo("The notices page is not in the history");
        Redirect("/commands", new Dictionary<string, string?> { ["via"] = "notices" }, replace: true);
    }

    public void Top() => Scroll();

    public override Html Render() => $$"""
        <section class="notices">
          <h2 id="top">Notices</h2>
          {{Flash.Render()}}
          <button id="check" @click="check">Check the server</button>
          <button id="leave" @click="leave">Leave (replaces this history entry)</button>
          <div style="height: 3000px"></div>
          <button id="to-top" @click="top">Back to the top</button>
        </section>
        """;
}
