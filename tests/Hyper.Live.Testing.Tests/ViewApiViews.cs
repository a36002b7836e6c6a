using System.ComponentModel.DataAnnotations;

namespace Hyper.Live.Testing.Tests;

/// <summary>Shows what it sees of the request behind the page (issue 19: request and session at mount).</summary>
public sealed class RequestView : LiveView
{
    public string Seen { get; private set; } = "";

    protected override void Mount(LiveParams parameters) =>
        Seen = string.Join("|",
            Request.Session.GetValueOrDefault("name") ?? "-",
            Request.Headers.GetValueOrDefault("user-agent") ?? "-",
            Request.Culture.Name,
            Request.RemoteIpAddress?.ToString() ?? "-",
            Request.Cookies["theme"] ?? "-");

    public override Html Render() => $"""<p id="seen">{Seen}</p>""";
}

/// <summary>Handlers taking a dictionary and a string restricted to a set (issue 19: parameter types).</summary>
public sealed class ParameterView : LiveView
{
    public Dictionary<string, int> Prices { get; private set; } = [];

    public string Color { get; private set; } = "";

    public void SavePrices(Dictionary<string, int> prices) => Prices = prices;

    public void Paint([AllowedValues("red", "green")] string color) => Color = color;

    public override Html Render() => $$"""
        <form id="prices" @submit="save_prices">
          <input name="prices[apple]" value="1"><input name="prices[pear]" value="2">
        </form>
        <button id="paint" @click="paint(color)">paint</button>
        <p id="color">{{Color}}</p>
        """;
}

/// <summary>Several flash messages of one kind, navigation overloads and scrolling (issue 19).</summary>
public sealed class NoticesView : LiveView
{
    public void Warn()
    {
        Flash.AddWarning("Disk almost full");
        Flash.AddWarning("Backup overdue");
    }

    public void Replace() => Flash.Warning("Only this one");

    [ClientEvent] // clicked by name in the tests
    public void Leave()
    {
        Flash.AddInfo("First");
        Flash.AddInfo("Second");
        Redirect("/other", new Dictionary<string, string?> { ["from"] = "notices" }, replace: true);
    }

    [ClientEvent] // clicked by name in the tests
    public void Go() => PushNavigate("/other", new Dictionary<string, string?> { ["q"] = "a b" });

    [ClientEvent] // clicked by name in the tests
    public void Top() => Scroll();

    public override Html Render() => $$"""
        {{Flash.Render()}}
        <button id="warn" @click="warn">warn</button>
        <button id="replace" @click="replace">replace</button>
        """;
}
