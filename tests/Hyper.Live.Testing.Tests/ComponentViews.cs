namespace Hyper.Live.Testing.Tests;

/// <summary>What a <see cref="CounterComponent"/> reports to its view with <c>SendParent</c>.</summary>
public sealed record CounterReport(string Id, int Count);

/// <summary>The props of a <see cref="CounterComponent"/>.</summary>
public sealed record CounterProps(string Label, int Step = 1);

/// <summary>A component with its own count, props from its parent, and messages both ways.</summary>
public sealed class CounterComponent : LiveComponent<CounterProps>
{
    public int Count { get; set; }

    public int Mounts { get; private set; }

    public int Updates { get; private set; }

    public int Renders { get; private set; }

    protected override void Mount() => Mounts++;

    protected override void Update(CounterProps props) => Updates++;

    public void Increment() => Count += Props.Step;

    public void Clear() => Count = 0;

    public void Report() => SendParent(new CounterReport(Id, Count));

    public override Html Render()
    {
        Renders++;
        return $$"""
            <div class="counter" id="counter-{{Id}}">
              <span class="label">{{Props.Label}}</span> <b class="count">{{Count}}</b>
              <button class="inc" @click="increment">+</button>
              <button class="report" @click="report">report</button>
              <button class="rename" @click="rename" phx-target="{{Parent}}">rename</button>
            </div>
            """;
    }
}

/// <summary>A view embedding two counters, one of them optional, and a keyed list of rows.</summary>
public sealed class ComponentsView : LiveView
{
    public bool ShowSecond { get; private set; } = true;

    public string Label { get; private set; } = "A";

    public int Step { get; private set; } = 1;

    public List<string> Reports { get; } = [];

    public List<int> Rows { get; } = [1, 2, 3];

    public void Toggle() => ShowSecond = !ShowSecond;

    public void Rename() => Label += "!";

    public void Faster() => Step++;

    public void Reset() => SendUpdate<CounterComponent>("a", counter => counter.Count = 0);

    public void Reverse() => Rows.Reverse();

    public void DropFirst() => Rows.RemoveAt(0);

    protected override void HandleInfo(object message)
    {
        if (message is CounterReport report)
        {
            Reports.Add($"{report.Id}={report.Count}");
        }
    }

    public override Html Render() => $$"""
        <main>
          <p class="reports">{{string.Join(",", Reports)}}</p>
          <button class="toggle" @click="toggle">toggle</button>
          <button class="faster" @click="faster">faster</button>
          <button class="reset" @click="reset">reset</button>
          <button class="reverse" @click="reverse">reverse</button>
          <button class="drop" @click="drop_first">drop</button>
          <button class="clear-a" @click="clear" phx-target="#counter-a">clear a</button>
          {{Component<CounterComponent, CounterProps>("a", new(Label, Step))}}
          {{Html.If(ShowSecond, Component<CounterComponent, CounterProps>("b", new("B")))}}
          <ul>{{Html.Each(Rows, row => row, row => Component<CounterComponent, CounterProps>($"row-{row}", new($"row {row}")))}}</ul>
        </main>
        """;
}

/// <summary>A component embedding another: the inner one renders on its own events while the outer one does not.</summary>
public sealed class PanelComponent : LiveComponent
{
    public int Renders { get; private set; }

    public bool Open { get; private set; } = true;

    public void Fold() => Open = !Open;

    public override Html Render()
    {
        Renders++;
        return $$"""
            <section class="panel"><button class="fold" @click="fold">fold</button>{{Html.If(Open, Component<CounterComponent, CounterProps>("inner", new("inner")))}}</section>
            """;
    }
}

/// <summary>Embeds a <see cref="PanelComponent"/>.</summary>
public sealed class NestedComponentsView : LiveView
{
    public int Ticks { get; private set; }

    public void Tick() => Ticks++;

    public override Html Render() => $$"""
        <div><button class="tick" @click="tick">{{Ticks}}</button>{{Component<PanelComponent>("panel")}}</div>
        """;
}
