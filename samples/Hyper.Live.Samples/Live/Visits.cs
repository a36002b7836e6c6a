namespace Hyper.Live.Samples.Live;

/// <summary>A visit counter shared by everyone: each connected visit adds one, and every open page shows the new count.</summary>
public sealed class Visits : LiveView
{
    // One value for the whole server; every page that renders it re-renders when it changes.
    private static readonly Shared<int> Count = new(0);

    protected override void Mount(LiveParams parameters)
    {
        Title = "Visits";
        if (IsConnected)
        {
            Count.Update(n => n + 1);
        }
    }

    public override Html Render() => $$"""
        <section class="visits">
          <p><strong id="visits">{{Count.Value}}</strong> visits since the server started.</p>
          <p>Open this page in another window: both show the new count.</p>
        </section>
        """;
}
