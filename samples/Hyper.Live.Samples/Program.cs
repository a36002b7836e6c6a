using Hyper.Live;
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHyperLive(options =>
{
    options.Layout = Hyper.Live.Samples.SamplesLayout.Render;
    options.TitleSuffix = " · Hyper.Live";
    options.DefaultTitle = "Samples";
    // [Persist] state (the counter, the todos) in a SQLite file, so a restart or a deploy keeps it;
    // --SessionStoreFile=… puts the file elsewhere (tests give each app its own); --SessionStore=memory keeps
    // snapshots in memory only (the load harness compares both).
    if (builder.Configuration["SessionStore"] != "memory")
    {
        options.UseSqliteSessionStore(builder.Configuration["SessionStoreFile"] ?? "App_Data/hyper-live-sessions.db");
    }
});

// Options from configuration: the load harness passes --HyperLive:DiagnosticsPath=/_hyper/diagnostics
// and raises the per-address and per-server limits, its sessions all coming from loopback.
builder.Services.Configure<HyperLiveOptions>(builder.Configuration.GetSection("HyperLive"));

// The profile editor's data (Persistent<User>): a SQLite file by default, created at the first start;
// --HyperLive:Database:Provider=PostgreSql with …:ConnectionString=… puts it on PostgreSQL.
builder.Services.AddLiveDatabase<Hyper.Live.Samples.Data.SamplesDb>(options =>
    options.SqliteFile = builder.Configuration["DataFile"] ?? "App_Data/hyper-live-data.db");
builder.Services.AddRazorPages();          // /embedded: a Razor page with a live view in it (Html.LiveAsync)

var app = builder.Build();
app.MapHyperLive();                      // the views of this assembly's *.Live namespaces, by convention
app.MapLive<Hyper.Live.Samples.Live.Chat>("/chat/{room}");
app.MapLive<Hyper.Live.Samples.Live.Home>("/");
app.MapRazorPages();
app.MapGet("/samples.css", () => Results.Bytes(Stylesheet.Value, "text/css; charset=utf-8"));
app.MapGet("/commands-report.txt", () => Results.Text("Hyper.Live report\n", "text/plain"));
app.Run();

/// <summary>The samples app; public so tests can start it.</summary>
public partial class Program
{
    /// <summary>Assets/samples.css, embedded in the assembly.</summary>
    private static readonly Lazy<byte[]> Stylesheet = new(() =>
    {
        using var stream = typeof(Program).Assembly.GetManifestResourceStream("samples.css")!;
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    });
}
