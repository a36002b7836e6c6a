
namespace Hyper.Live.Samples.Live;

/// <summary>The seed's counter: state in a field, handlers as methods; the count survives reconnects and restarts.</summary>
public sealed class Counter : LiveView
{
    [Persist]
    private int count;

    public void Increment() => count++;

    public void Decrement() => count--;

    public void Reset() => count = 0;

    public override Html Render() => $$"""
        <div class="counter">
          <h2>Count: {{count}}</h2>
          <button @click="decrement">−</button>
          <button @click="reset">Reset</button>
          <button @click="increment">+</button>
        </div>
        """;
}
