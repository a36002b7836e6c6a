using Hyper.Live.Samples.Live.Parts;

namespace Hyper.Live.Samples.Live;

/// <summary>
/// The V2 dashboard as the seed composes it —
/// <c>&lt;{Header} title="Dashboard" /&gt; &lt;{Card} title="Stats"&gt; &lt;{Counter} /&gt; &lt;/{Card}&gt; &lt;{Chat} /&gt;</c> —
/// in C#: Header and Card are static components (methods taking props and a body slot), the counter
/// and the chat are live components with their own state. Open it in two windows to chat.
/// </summary>
public sealed class ComponentDashboard : LiveView
{
    private const string Topic = "component-dashboard-chat";

    private string name = "";

    protected override void Mount(LiveParams parameters)
    {
        Title = "Dashboard";
        name = parameters["name"] ?? "guest-" + Random.Shared.Next(1000, 10000);
    }

    protected override Task OnMountAsync(CancellationToken cancellationToken)
    {
        Subscribe(Topic);
        return Task.CompletedTask;
    }

    protected override async Task HandleInfoAsync(object message, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case ChatPost post:
                await BroadcastAsync(Topic, $"{name}: {post.Text}", cancellationToken);
                break;
            case string line:
                SendUpdate<ChatPanel>("chat", chat => chat.Add(line));
                break;
        }
    }

    public override Html Render() => $$"""
        <div class="component-dashboard">
          {{Ui.Header("Dashboard", "signed in as " + name)}}
          <div class="grid">
            {{Ui.Card("Stats", Component<DashboardCounter>("counter"), footer: $"<small>a live component inside a static one</small>")}}
            {{Component<ChatPanel>("chat")}}
          </div>
        </div>
        """;
}
