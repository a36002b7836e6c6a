using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Hyper.Live.LoadTest;

/// <summary>
/// The samples app as a child process on a loopback port chosen by the OS, with its
/// diagnostics endpoint switched on; memory is read from <c>/proc/&lt;pid&gt;/status</c>.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    public const string DiagnosticsPath = "/_hyper/diagnostics";

    private readonly Process process;
    private readonly HttpClient http;
    private readonly Queue<string> lastLines = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int warnings;

    private ServerProcess(Process process)
    {
        this.process = process;
        http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { Timeout = TimeSpan.FromMinutes(2) };
    }

    public Uri BaseAddress { get; private set; } = null!;

    public int Pid => process.Id;

    /// <summary>Log lines at warning level or above that the server wrote.</summary>
    public int Warnings => Volatile.Read(ref warnings);

    public string AssemblyPath { get; private set; } = "";

    /// <summary>The server's last lines of output, for error reports.</summary>
    public string Tail
    {
        get
        {
            lock (lastLines)
            {
                return string.Join('\n', lastLines);
            }
        }
    }

    public static async Task<ServerProcess> StartAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        var assembly = options.ServerPath ?? BuildInfo.SamplesAssembly;
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"The samples app is not built at {assembly}; build it (dotnet build -c Release) or pass --server.", assembly);
        }

        // A socket is a file descriptor: raise the soft limit as far as the hard limit allows
        // (1,048,576 needs CAP_SYS_RESOURCE; in a container without it, the hard limit is the ceiling).
        var start = new ProcessStartInfo("/bin/bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("ulimit -n 1048576 2>/dev/null || ulimit -n \"$(ulimit -Hn)\"; exec dotnet \"$@\"");
        start.ArgumentList.Add("hyper-live-samples");
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.ArgumentList.Add($"--HyperLive:DiagnosticsPath={DiagnosticsPath}");

        // Every session comes from a few loopback addresses: lift the production caps on sockets per
        // address and live views per server (the per-socket event and join limits stay as they are).
        start.ArgumentList.Add("--HyperLive:MaxSocketsPerIpAddress=10000000");
        start.ArgumentList.Add("--HyperLive:MaxSessions=10000000");
        foreach (var argument in options.ServerArguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in options.ServerEnvironment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the samples app");
        var server = new ServerProcess(process) { AssemblyPath = assembly };
        process.OutputDataReceived += (_, line) => server.OnLine(line.Data);
        process.ErrorDataReceived += (_, line) => server.OnLine(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            var exited = process.WaitForExitAsync(timeout.Token);
            var first = await Task.WhenAny(server.listening.Task, exited).ConfigureAwait(false);
            if (first != server.listening.Task)
            {
                await first.ConfigureAwait(false);
                throw new InvalidOperationException($"the samples app exited with code {process.ExitCode}:\n{server.Tail}");
            }
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        server.BaseAddress = await server.listening.Task.ConfigureAwait(false);
        return server;
    }

    /// <summary>The server's own figures; <paramref name="collect"/> forces a full collection first.</summary>
    public async Task<ServerDiagnostics> DiagnosticsAsync(bool collect, CancellationToken cancellationToken)
    {
        var uri = new Uri(BaseAddress, collect ? DiagnosticsPath + "?collect=true" : DiagnosticsPath);
        using var response = await http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        var root = json.RootElement;
        return new ServerDiagnostics(
            root.GetProperty("sockets").GetInt64(),
            root.GetProperty("sessions").GetInt64(),
            root.GetProperty("events").GetInt64(),
            root.GetProperty("managedBytes").GetInt64(),
            root.GetProperty("gcHeapBytes").GetInt64(),
            root.GetProperty("gcCommittedBytes").GetInt64(),
            root.GetProperty("serverGc").GetBoolean(),
            root.GetProperty("gcLatencyMode").GetString() ?? "",
            root.GetProperty("threads").GetInt32(),
            root.GetProperty("gcPauseMilliseconds").GetDouble(),
            root.GetProperty("gcCollections").EnumerateArray().Select(count => count.GetInt32()).ToArray(),
            root.TryGetProperty("detachedSessions", out var detached) ? detached.GetInt64() : 0)
        {
            CpuSeconds = CpuSeconds(Pid),
        };
    }

    /// <summary>Resident set size of the server process, from <c>/proc/&lt;pid&gt;/status</c>.</summary>
    public long RssBytes() => ProcStatus(Pid, "VmRSS:");

    /// <summary>Peak resident set size.</summary>
    public long PeakRssBytes() => ProcStatus(Pid, "VmHWM:");

    /// <summary>
    /// User plus system CPU seconds of a process: fields 14 and 15 of <c>/proc/&lt;pid&gt;/stat</c>, in clock ticks of
    /// 1/100 s (Linux's USER_HZ), counted after the command name, which may contain spaces but ends at the last ')'.
    /// </summary>
    internal static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    internal static long ProcStatus(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var kilobytes = line.AsSpan(field.Length).Trim();
                return long.Parse(kilobytes[..kilobytes.IndexOf(' ')], CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"no {field} in /proc/{pid}/status");
    }

    /// <summary>Stops the server gracefully (SIGTERM), or kills it after 20 s.</summary>
    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        if (!process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync().ConfigureAwait(false);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }

        process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref warnings);
        }

        const string Marker = "Now listening on: ";
        var at = line.IndexOf(Marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            listening.TrySetResult(new Uri(line[(at + Marker.Length)..].Trim()));
        }

        lock (lastLines)
        {
            lastLines.Enqueue(line);
            if (lastLines.Count > 40)
            {
                lastLines.Dequeue();
            }
        }
    }
}
