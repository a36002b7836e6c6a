namespace Hyper.Live.Samples.Live.Bench;

/// <summary>One row of <see cref="Components"/>: the same markup as a row of <see cref="Table"/>, as a live component.</summary>
public sealed class BenchRow : LiveComponent<BenchRowProps>
{
    public override Html Render() => $$"""
        <tr><td>{{Props.Id}}</td><td>Row number {{Props.Id}}</td><td id="v-{{Props.Id}}">{{Props.Value}}</td></tr>
        """;
}
