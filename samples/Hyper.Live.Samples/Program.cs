var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHyperLive();

var app = builder.Build();
app.MapHyperLive(typeof(Program).Assembly);
app.MapLive<Hyper.Live.Samples.Live.Chat>("/chat/{room}");
app.MapGet("/", () => Results.Redirect("/counter"));
app.MapGet("/commands-report.txt", () => Results.Text("Hyper.Live report\n", "text/plain"));
app.Run();

/// <summary>The samples app; public so tests can start it.</summary>
public partial class Program;
