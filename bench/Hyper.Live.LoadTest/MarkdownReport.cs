using System.Globalization;
using System.Text;

namespace Hyper.Live.LoadTest;

/// <summary>Writes a run as Markdown: memory per session at each checkpoint, latency, bytes, errors.</summary>
internal static class MarkdownReport
{
    public static string Render(LoadReport report)
    {
        var options = report.Options;
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line($"## {report.Started:yyyy-MM-dd HH:mm} — {options.Page}, {report.SessionsHeld:N0} sessions{(options.Quick ? " (quick)" : "")}");
        Line();
        Line($"`dotnet run -c Release --project bench/Hyper.Live.LoadTest -- {options.CommandLine}`".Replace("--  `", "`", StringComparison.Ordinal));
        Line();
        var machine = report.Machine;
        Line($"Machine: {machine.Cpu}, {machine.Cores} cores, {machine.MemoryBytes / (1024.0 * 1024 * 1024):F1} GiB, Linux {machine.Kernel}, {machine.Runtime}. " +
            $"Server: `{Relative(report.ServerAssembly)}`, {(report.Baseline.ServerGc ? "server" : "workstation")} GC ({report.Baseline.GcLatencyMode}), " +
            $"open-file limit {machine.FileLimit}, arguments `{string.Join(' ', options.ServerArguments)}`{Environment(options)}. Harness on the same machine: {options.ViewsPerSocket} view(s) per socket, " +
            $"{options.SourceAddresses} source address(es), {options.Concurrency} sessions opened at once, a heartbeat per socket every {options.HeartbeatInterval.TotalSeconds:0} s.");
        Line();
        Line("| sessions | sockets | opened in | RSS | RSS / session | marginal RSS / session | managed | managed / session | marginal managed / session |");
        Line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Line($"| baseline | 0 | | {Mib(report.BaselineRssBytes)} | | | {Mib(report.Baseline.ManagedBytes)} | | |");
        var previous = (Sessions: 0, Rss: report.BaselineRssBytes, Managed: report.Baseline.ManagedBytes);
        foreach (var checkpoint in report.Checkpoints)
        {
            var added = Math.Max(1, checkpoint.Sessions - previous.Sessions);
            var sessions = Math.Max(1, checkpoint.Sessions);
            Line($"| {checkpoint.Sessions:N0} | {checkpoint.Sockets:N0} | {checkpoint.OpenSeconds:F1} s | {Mib(checkpoint.RssBytes)} | " +
                $"{Kib((checkpoint.RssBytes - report.BaselineRssBytes) / (double)sessions)} | {Kib((checkpoint.RssBytes - previous.Rss) / (double)added)} | " +
                $"{Mib(checkpoint.ManagedBytes)} | {Kib((checkpoint.ManagedBytes - report.Baseline.ManagedBytes) / (double)sessions)} | " +
                $"{Kib((checkpoint.ManagedBytes - previous.Managed) / (double)added)} |");
            previous = (checkpoint.Sessions, checkpoint.RssBytes, checkpoint.ManagedBytes);
        }

        Line();
        Line("Memory is read after a forced full, compacting collection (`?collect=true` on the diagnostics endpoint); RSS is `VmRSS` of " +
            "`/proc/<pid>/status`, managed is `GC.GetTotalMemory(true)`. \"Per session\" is over the baseline after warm-up; \"marginal\" is " +
            $"between this checkpoint and the previous one. Peak RSS {Mib(report.PeakRssBytes)}.");
        Line();
        Line("| clicks | while holding | clicks done | rate | p50 | p95 | p99 | max | errors | up (payload / frame) | down (payload / frame) | server GCs meanwhile |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (sessions, summary) in report.Latency)
        {
            Line($"| {summary.Name} | {sessions:N0} | {summary.Count:N0} | {summary.Throughput:N0}/s | {Ms(summary.P50)} | {Ms(summary.P95)} | {Ms(summary.P99)} | " +
                $"{Ms(summary.Max)} | {summary.Errors} | {summary.UpPayload:F0} / {summary.UpFrame:F0} B | {summary.DownPayload:F0} / {summary.DownFrame:F0} B | {summary.ServerGc} |");
        }

        Line();
        Line($"Load average (1/5/15 min) at the start: {report.LoadAverageAtStart}; before the latency phases: {report.LoadAverageAtLatency} " +
            "(latency on a shared 2-core machine moves with whatever else runs on it).");
        Line();
        Line($"Join (frames): {report.JoinUpBytes:F0} B up, {report.JoinDownBytes:F0} B down; the dead-rendered page: {report.PageBytes:F0} B. " +
            $"Sessions answering the final click: {report.SessionsAnswered:N0} of {report.SessionsHeld:N0}. Events handled by the server: {report.EventsHandled:N0}. " +
            $"Server log lines at warning or above: {report.ServerWarnings}. Errors: {report.Errors}" +
            (report.Errors == 0 ? "." : " (" + string.Join(", ", report.ErrorsByPhase.Select(pair => $"{pair.Key} {pair.Value}")) + ")."));
        foreach (var sample in report.ErrorSamples)
        {
            Line($"- `{sample.Replace('`', '\'').ReplaceLineEndings(" ")}`");
        }

        if (report.HeapByType is not null)
        {
            Line();
            Line($"The server's heap after the last checkpoint (ClrMD, right after a forced full collection), per session:");
            Line();
            text.Append(report.HeapByType);
        }

        Line($"Run time {report.Duration.TotalSeconds:F0} s.");
        Line();
        return text.ToString();
    }

    /// <summary>Appends the report to <c>load-&lt;page&gt;.md</c> in <paramref name="directory"/>; returns the file.</summary>
    public static string Append(string directory, LoadReport report)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"load-{report.Options.Page}.md");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, $"# Load harness results: /bench/{report.Options.Page}\n\nAppended by `bench/Hyper.Live.LoadTest`, newest last.\n\n");
        }

        File.AppendAllText(path, Render(report));
        return path;
    }

    private static string Environment(LoadOptions options) =>
        options.ServerEnvironment.Count == 0 ? "" : ", environment " + string.Join(' ', options.ServerEnvironment.Select(pair => $"`{pair.Key}={pair.Value}`"));

    private static string Relative(string path) => Path.GetRelativePath(BuildInfo.RepositoryRoot, path);

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("N1", CultureInfo.InvariantCulture) + " MiB";

    private static string Kib(double bytes) => (bytes / 1024).ToString("N2", CultureInfo.InvariantCulture) + " KiB";

    private static string Ms(double milliseconds) => double.IsNaN(milliseconds) ? "–" : milliseconds.ToString("F2", CultureInfo.InvariantCulture) + " ms";
}
