using Hyper.Live.LoadTest;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception error) when (error is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

Console.WriteLine($"open-file limit of the harness: {FileLimit.Raise()}");
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Ctrl+C ends the run, and the run stops the server it started.
    e.Cancel = true;
    cancel.Cancel();
};

var report = await LoadRun.RunAsync(options, Console.Out, cancel.Token);
var markdown = MarkdownReport.Render(report);
Console.WriteLine();
Console.WriteLine(markdown);
if (options.ResultsDirectory is not null)
{
    Console.WriteLine($"appended to {MarkdownReport.Append(options.ResultsDirectory, report)}");
}

return report.Errors == 0 && report.SessionsAnswered == report.SessionsHeld ? 0 : 1;
