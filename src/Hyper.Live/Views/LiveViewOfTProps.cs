using System.Text.Json;

namespace Hyper.Live;

/// <summary>
/// A <see cref="LiveView"/> embedded in another view (or a layout, or a Razor page) that takes typed props from
/// where it is embedded: <c>{{LiveRender&lt;Clock, ClockProps&gt;("clock", new("UTC"))}}</c>. The props travel
/// in the child's signed token, so they are the same on the HTTP render and on every join.
/// </summary>
/// <typeparam name="TProps">The props: data that serializes to JSON (a record of strings and numbers, say).</typeparam>
public abstract class LiveView<TProps> : LiveView
{
    /// <summary>What the embedding template passed; set before <see cref="LiveView.Mount"/>.</summary>
    public TProps Props { get; internal set; } = default!;

    internal override void ReadProps(string? json)
    {
        if (json is not null)
        {
            Props = JsonSerializer.Deserialize<TProps>(json)!;
        }
    }
}
