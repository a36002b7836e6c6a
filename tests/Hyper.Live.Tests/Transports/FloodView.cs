
namespace Hyper.Live.Tests.Transports;

/// <summary>
/// After the join (a small render), each "grow" event changes a 256 KB text, so every reply
/// carries all of it: the differ sends a text again only when it changed.
/// </summary>
public sealed class FloodView : LiveView
{
    private static readonly string Filler = new('x', 256 * 1024);
    private int version;

    [ClientEvent] // pushed by the tests like a hook's pushEvent
    public void Grow() => version++;

    public override Html Render() => $"<p>{version}</p><pre>{(version == 0 ? "" : version + Filler)}</pre>";
}
