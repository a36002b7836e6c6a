using Hyper.Live;
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHyperLive();

// Options from configuration: the load harness passes --HyperLive:DiagnosticsPath=/_hyper/diagnostics
// and raises the per-address and per-server limits, its sessions all coming from loopback.
builder.Services.Configure<HyperLiveOptions>(builder.Configuration.GetSection("HyperLive"));

var app = builder.Build();
app.MapHyperLive();                      // the views of this assembly's *.Live namespaces, by convention
app.MapLive<Hyper.Live.Samples.Live.Chat>("/chat/{room}");
app.MapGet("/", () => Results.Content(
    """
    <!DOCTYPE html>
    <html lang="en"><head><meta charset="utf-8"><title>Hyper.Live samples</title></head>
    <body>
    <h1>Hyper.Live samples</h1>
    <ul>
      <li><a href="/counter">Counter</a></li>
      <li><a href="/todos">Todos</a> (bindings with arguments, modifiers, delegates)</li>
      <li><a href="/search">Search</a> (debounce, intermediate render)</li>
      <li><a href="/signup">Signup</a> (typed forms and validation)</li>
      <li><a href="/chat/lobby">Chat</a> (pub/sub; open it in two windows)</li>
      <li><a href="/dashboard">Dashboard</a> (timers)</li>
      <li><a href="/users?page=1">Users</a> (pagination with live patches)</li>
      <li><a href="/commands">Commands</a> (hooks, flash, focus, scroll, download, navigation)</li>
      <li><a href="/notices">Notices</a> (several flash messages of a kind, redirect replacing the history entry, scroll to top)</li>
      <li><a href="/links">Links</a> (user-typed URLs; script URLs are not rendered)</li>
      <li><a href="/bench/counter">Bench counter</a> and <a href="/bench/table">bench table</a> (1,000 rows)</li>
    </ul>
    </body></html>
    """,
    "text/html; charset=utf-8"));
app.MapGet("/commands-report.txt", () => Results.Text("Hyper.Live report\n", "text/plain"));
app.Run();

/// <summary>The samples app; public so tests can start it.</summary>
public partial class Program;
