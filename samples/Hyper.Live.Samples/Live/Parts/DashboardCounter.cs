namespace Hyper.Live.Samples.Live.Parts;

/// <summary>The dashboard's counter: a live component with its own count and handlers.</summary>
public sealed class DashboardCounter : LiveComponent
{
    public int Count { get; private set; }

    public void Increment() => Count++;

    public void Decrement() => Count--;

    public override Html Render() => $$"""
        <div class="counter" id="dashboard-counter">
          <button class="dec" @click="decrement">−</button>
          <output class="count">{{Count}}</output>
          <button class="inc" @click="increment">+</button>
        </div>
        """;
}
