using System.Globalization;

namespace Hyper.Live.Testing.Tests;

/// <summary>A view with a bit of everything the client drives: clicks with values, a form, errors, timers, navigation, pushes.</summary>
public sealed class TallyView : LiveView
{
    private string page = "1";
    private string draft = "";

    public int Count { get; private set; }

    public string Saved { get; private set; } = "";

    protected override void Mount(LiveParams parameters) => Title = "Tally";

    protected override void HandleParams(LiveParams parameters) => page = parameters["page"] ?? "1";

    public void Increment() => Count++;

    public void Add(LiveEvent e) => Count += int.Parse(e["by"] ?? "1", CultureInfo.InvariantCulture);

    public void Validate(LiveEvent e) => draft = (e["user[name]"] ?? "").ToUpperInvariant();

    public void Save(LiveEvent e)
    {
        Saved = e["user[name]"] ?? "";
        Flash.Success("Saved " + Saved);
        PushEvent("saved", new { name = Saved });
        Title = "Saved " + Saved;
    }

    [ClientEvent] // clicked by name in the tests, as a hook would push it
    public void Boom() => throw new InvalidOperationException("boom");

    [ClientEvent] // clicked by name in the tests, as a hook would push it
    public void Later() => SendAfter("tick", TimeSpan.FromMilliseconds(50));

    [ClientEvent] // clicked by name in the tests, as a hook would push it
    public void NextPage() => PushPatch("/tally?page=2");

    [ClientEvent] // clicked by name in the tests, as a hook would push it
    public void Elsewhere()
    {
        Flash.Info("Moved along");
        PushNavigate("/other");
    }

    [ClientEvent] // clicked by name in the tests, as a hook would push it
    public void Away()
    {
        Flash.Info("Bye");
        Redirect("/other");
    }

    protected override void HandleInfo(object message)
    {
        if (message is "tick")
        {
            Count += 100;
        }
    }

    public override Html Render() => $$"""
        <h1>Count: {{Count}}</h1>
        <p id="page">page {{page}}</p>
        <button id="inc" @click="increment">+</button>
        <button id="add" phx-click="add" phx-value-by="5">+5</button>
        <form id="f" @change="validate" @submit="save">
          <input name="user[name]" value="{{draft}}">
        </form>
        <a id="second" href="/tally?page=2" data-phx-link="patch" data-phx-link-state="push">2</a>
        {{Flash.Render()}}
        """;
}

/// <summary>Where navigation leads.</summary>
public sealed class OtherView : LiveView
{
    public override Html Render() => $"<p id=\"other\">other</p>{Flash.Render()}";
}

/// <summary>A view whose connected mount redirects, as an authorisation check would.</summary>
public sealed class GuardedView : LiveView
{
    protected override void Mount(LiveParams parameters)
    {
        if (IsConnected)
        {
            Redirect("/other");
        }
    }

    public override Html Render() => $"<p>secret</p>";
}
