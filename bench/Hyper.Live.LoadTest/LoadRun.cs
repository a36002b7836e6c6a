using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Hyper.Live.LoadTest;

/// <summary>
/// One run: start the server, warm it up, take a baseline, open sessions up to each
/// checkpoint and measure the server's memory there, measure click latency and bytes, check
/// that every session still answers, then close everything and stop the server.
/// </summary>
internal sealed class LoadRun : IAsyncDisposable
{
    private readonly LoadOptions options;
    private readonly TextWriter log;
    private readonly ErrorLog errors = new();
    private readonly IPAddress[] sources;
    private readonly Lock socketsLock = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly List<LoadSocket> warmupSockets = [];
    private LoadSocket?[] sockets = [];
    private int socketCount;
    private ServerProcess? server;
    private PageLoader? pages;
    private IPEndPoint endpoint = null!;
    private Task heartbeats = Task.CompletedTask;
    private long joinUp;
    private long joinDown;
    private long joins;
    private long htmlBytes;

    private LoadRun(LoadOptions options, TextWriter log)
    {
        this.options = options;
        this.log = log;
        sources = Enumerable.Range(1, options.SourceAddresses).Select(i => new IPAddress([127, 0, 0, (byte)i])).ToArray();
    }

    private int Sessions => Volatile.Read(ref socketCount) * options.ViewsPerSocket;

    public static async Task<LoadReport> RunAsync(LoadOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        await using var run = new LoadRun(options, log);
        return await run.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await heartbeats.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        // Clients go first (as closed tabs), so the server does not spend its shutdown closing them.
        foreach (var socket in sockets.Concat(warmupSockets))
        {
            socket?.Dispose();
        }

        pages?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }

        stopping.Dispose();
    }

    private async Task<LoadReport> RunAsync(CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.Now;
        var loadAtStart = MachineInfo.LoadAverage();
        var loadAtLatency = "";
        string? heap = null;
        var clock = Stopwatch.StartNew();
        var maxSockets = (options.MaxSessions + options.ViewsPerSocket - 1) / options.ViewsPerSocket;
        sockets = new LoadSocket?[maxSockets];
        server = await ServerProcess.StartAsync(options, cancellationToken).ConfigureAwait(false);
        endpoint = new IPEndPoint(IPAddress.Parse(server.BaseAddress.Host), server.BaseAddress.Port);
        pages = new PageLoader(server.BaseAddress, options.Concurrency);
        Log($"server pid {server.Pid} on {server.BaseAddress} ({server.AssemblyPath}), open-file limit {ServerFileLimit(server.Pid)}");

        await WarmUpAsync(cancellationToken).ConfigureAwait(false);
        var baseline = await server.DiagnosticsAsync(collect: true, cancellationToken).ConfigureAwait(false);
        var baselineRss = server.RssBytes();
        Log($"baseline: RSS {Mib(baselineRss)} MiB, managed {Mib(baseline.ManagedBytes)} MiB, server GC {baseline.ServerGc}");
        heartbeats = HeartbeatLoopAsync(stopping.Token);

        var checkpoints = new List<CheckpointResult>();
        var latency = new List<(int Sessions, LatencySummary Summary)>();
        var latencyAt = options.LatencyAt.Count > 0 ? options.LatencyAt : [options.MaxSessions];
        foreach (var target in options.Checkpoints)
        {
            var opening = Stopwatch.StartNew();
            await OpenUntilAsync(target, cancellationToken).ConfigureAwait(false);
            opening.Stop();
            var diagnostics = await server.DiagnosticsAsync(collect: true, cancellationToken).ConfigureAwait(false);
            var checkpoint = new CheckpointResult(Sessions, Volatile.Read(ref socketCount), opening.Elapsed.TotalSeconds, server.RssBytes(),
                diagnostics.ManagedBytes, diagnostics.GcCommittedBytes, diagnostics.Sessions, diagnostics.Sockets);
            checkpoints.Add(checkpoint);
            Log($"{checkpoint.Sessions} sessions ({checkpoint.Sockets} sockets) in {opening.Elapsed.TotalSeconds:F1} s: RSS {Mib(checkpoint.RssBytes)} MiB, " +
                $"managed {Mib(checkpoint.ManagedBytes)} MiB; the server counts {diagnostics.Sessions} sessions, {diagnostics.Sockets} sockets; errors {errors.Total}");
            if (options.HeapStatistics > 0 && target == options.MaxSessions)
            {
                heap = HeapStatistics.Describe(server.Pid, checkpoint.Sessions, options.HeapStatistics);
                Log("heap by type after the last checkpoint:\n" + heap);
            }

            if (diagnostics.Sessions != checkpoint.Sessions)
            {
                errors.Add("count", $"the server holds {diagnostics.Sessions} sessions, the harness {checkpoint.Sessions}");
            }

            if (latencyAt.Contains(target))
            {
                loadAtLatency = MachineInfo.LoadAverage();
                var before = await server.DiagnosticsAsync(collect: false, cancellationToken).ConfigureAwait(false);
                var sequential = await SequentialAsync(cancellationToken).ConfigureAwait(false);
                var after = await server.DiagnosticsAsync(collect: false, cancellationToken).ConfigureAwait(false);
                latency.Add((Sessions, sequential with { ServerGc = GcBetween(before, after) }));
                if (options.Rate > 0)
                {
                    var (actual, scheduled) = await OpenLoopAsync(cancellationToken).ConfigureAwait(false);
                    var end = await server.DiagnosticsAsync(collect: false, cancellationToken).ConfigureAwait(false);
                    latency.Add((Sessions, actual with { ServerGc = GcBetween(after, end) }));
                    latency.Add((Sessions, scheduled with { ServerGc = GcBetween(after, end) }));
                }
            }
        }

        if (options.Reattach)
        {
            await DetachAndReattachAsync(checkpoints[^1], cancellationToken).ConfigureAwait(false);
        }

        var beforeAll = await server.DiagnosticsAsync(collect: false, cancellationToken).ConfigureAwait(false);
        var everyone = await ClickEverySessionAsync(cancellationToken).ConfigureAwait(false);
        var afterAll = await server.DiagnosticsAsync(collect: false, cancellationToken).ConfigureAwait(false);
        latency.Add((Sessions, everyone with { ServerGc = GcBetween(beforeAll, afterAll) }));
        if (options.Hold > TimeSpan.Zero)
        {
            Log($"holding {Sessions} sessions for {options.Hold.TotalSeconds:0} s (server pid {server.Pid})");
            await Task.Delay(options.Hold, cancellationToken).ConfigureAwait(false);
        }

        var final = await server.DiagnosticsAsync(collect: false, cancellationToken).ConfigureAwait(false);
        var report = new LoadReport(
            options,
            started,
            MachineInfo.Read(ServerFileLimit(server.Pid)),
            server.AssemblyPath,
            baseline,
            baselineRss,
            checkpoints,
            latency,
            Sessions,
            everyone.Count,
            joins == 0 ? 0 : (double)joinUp / joins,
            joins == 0 ? 0 : (double)joinDown / joins,
            joins == 0 ? 0 : (double)htmlBytes / joins,
            server.PeakRssBytes(),
            final.Events,
            server.Warnings,
            errors.Total,
            errors.ByPhase,
            errors.Samples,
            clock.Elapsed,
            loadAtStart,
            loadAtLatency)
        {
            HeapByType = heap,
        };
        Log($"done in {clock.Elapsed.TotalSeconds:F0} s; {errors.Total} errors, {everyone.Count} of {Sessions} sessions answered a click");
        return report;
    }

    /// <summary>Opens, clicks and closes a few sessions, so JIT and first-use costs are not charged to the checkpoints.</summary>
    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        if (options.Warmup <= 0)
        {
            return;
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, options.Warmup), Concurrently(cancellationToken), async (i, token) =>
        {
            var socket = await OpenSocketAsync(i, "warmup", token).ConfigureAwait(false);
            if (socket is null)
            {
                return;
            }

            for (var click = 0; click < 5; click++)
            {
                using var timeout = new CancellationTokenSource(options.ClickTimeout);
                var exchange = await socket.ClickAsync(0, options.EventName, timeout.Token).ConfigureAwait(false);
                if (!exchange.Ok)
                {
                    errors.Add("warmup", exchange.Error!);
                    break;
                }
            }

            lock (socketsLock)
            {
                warmupSockets.Add(socket);
            }
        }).ConfigureAwait(false);

        await Task.WhenAll(warmupSockets.Select(socket => socket.CloseAsync())).ConfigureAwait(false);
        warmupSockets.Clear();
        var deadline = Stopwatch.StartNew();
        ServerDiagnostics diagnostics;
        while ((diagnostics = await server!.DiagnosticsAsync(collect: false, cancellationToken).ConfigureAwait(false)).Sessions > 0)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                errors.Add("warmup", $"{diagnostics.Sessions} warm-up sessions still open 30 s after their sockets closed");
                break;
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        Log($"warm-up: {options.Warmup} sessions opened, clicked 5 times and closed");
    }

    private async Task OpenUntilAsync(int sessions, CancellationToken cancellationToken)
    {
        var target = (sessions + options.ViewsPerSocket - 1) / options.ViewsPerSocket;
        var from = Volatile.Read(ref socketCount);
        var progress = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(from, target - from), Concurrently(cancellationToken), async (i, token) =>
        {
            var socket = await OpenSocketAsync(i, "open", token).ConfigureAwait(false);
            if (socket is null)
            {
                return;
            }

            lock (socketsLock)
            {
                sockets[socketCount++] = socket;
            }

            if (progress.Elapsed > TimeSpan.FromSeconds(10))
            {
                progress.Restart();
                Log($"  {Sessions} sessions open");
            }
        }).ConfigureAwait(false);
    }

    /// <summary>What a browser tab does: GET the page (one per view), open the socket, join each view.</summary>
    private async Task<LoadSocket?> OpenSocketAsync(int index, string phase, CancellationToken cancellationToken)
    {
        LoadSocket? socket = null;
        try
        {
            var first = await pages!.LoadAsync(options.PagePath, null, cancellationToken).ConfigureAwait(false);
            socket = await LoadSocket.ConnectAsync(sources[index % sources.Length], endpoint, first, options.ViewsPerSocket, cancellationToken).ConfigureAwait(false);
            for (var view = 0; view < options.ViewsPerSocket; view++)
            {
                var page = view == 0 ? first : await pages.LoadAsync(options.PagePath, first.Cookie, cancellationToken).ConfigureAwait(false);
                using var timeout = new CancellationTokenSource(options.JoinTimeout);
                var exchange = await socket.JoinAsync(view, page, timeout.Token).ConfigureAwait(false);
                if (!exchange.Ok)
                {
                    errors.Add(phase, "join: " + exchange.Error);
                    socket.Dispose();
                    return null;
                }

                Interlocked.Add(ref joinUp, exchange.UpFrame);
                Interlocked.Add(ref joinDown, exchange.DownFrame);
                Interlocked.Add(ref htmlBytes, page.HtmlBytes);
                Interlocked.Increment(ref joins);
            }

            return socket;
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            errors.Add(phase, error.Message);
            socket?.Dispose();
            return null;
        }
    }

    /// <summary>
    /// Drops every socket without a close frame (a network outage), measures the server while it keeps the sessions
    /// detached, then rejoins every page over a new socket (<c>_mounts</c> 1) and measures them re-attached: the server
    /// must hold the same sessions, none mounted again.
    /// </summary>
    private async Task DetachAndReattachAsync(CheckpointResult attached, CancellationToken cancellationToken)
    {
        var count = Volatile.Read(ref socketCount);
        var dropped = new LoadSocket[count];
        for (var i = 0; i < count; i++)
        {
            dropped[i] = sockets[i]!;
            sockets[i] = null; // no heartbeats meanwhile
            dropped[i].Dispose();
        }

        var detached = await WaitForAsync(d => d.DetachedSessions == Sessions && d.Sockets == 0, "every session detached", cancellationToken).ConfigureAwait(false);
        var detachedRss = server!.RssBytes();
        Log($"detached: {detached.DetachedSessions} sessions, 0 sockets: RSS {Mib(detachedRss)} MiB, managed {Mib(detached.ManagedBytes)} MiB " +
            $"(attached: RSS {Mib(attached.RssBytes)} MiB, managed {Mib(attached.ManagedBytes)} MiB); " +
            $"per session vs attached: managed {(attached.ManagedBytes - detached.ManagedBytes) / 1024.0 / Sessions:F2} KiB less, RSS {(attached.RssBytes - detachedRss) / 1024.0 / Sessions:F2} KiB less");

        var rejoining = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), Concurrently(cancellationToken), async (i, token) =>
        {
            var old = dropped[i];
            try
            {
                var socket = await LoadSocket.ConnectAsync(sources[i % sources.Length], endpoint, old.Page(0), options.ViewsPerSocket, token).ConfigureAwait(false);
                for (var view = 0; view < options.ViewsPerSocket; view++)
                {
                    using var timeout = new CancellationTokenSource(options.JoinTimeout);
                    var exchange = await socket.JoinAsync(view, old.Page(view), timeout.Token, mounts: 1).ConfigureAwait(false);
                    if (!exchange.Ok)
                    {
                        errors.Add("reattach", "rejoin: " + exchange.Error);
                    }
                }

                sockets[i] = socket;
            }
            catch (Exception error) when (error is not OperationCanceledException || !token.IsCancellationRequested)
            {
                errors.Add("reattach", error.Message);
            }
        }).ConfigureAwait(false);
        rejoining.Stop();

        var reattached = await WaitForAsync(d => d.DetachedSessions == 0, "every session re-attached", cancellationToken).ConfigureAwait(false);
        var reattachedRss = server.RssBytes();
        Log($"re-attached {count * options.ViewsPerSocket} sessions in {rejoining.Elapsed.TotalSeconds:F1} s: the server counts {reattached.Sessions} sessions " +
            $"({reattached.Sockets} sockets), RSS {Mib(reattachedRss)} MiB, managed {Mib(reattached.ManagedBytes)} MiB; errors {errors.Total}");
        if (reattached.Sessions != Sessions)
        {
            errors.Add("reattach", $"the server holds {reattached.Sessions} sessions after the rejoins, the harness {Sessions}: some were mounted again");
        }
    }

    /// <summary>Polls the server (with a full collection) until <paramref name="condition"/> holds, for up to a minute.</summary>
    private async Task<ServerDiagnostics> WaitForAsync(Func<ServerDiagnostics, bool> condition, string what, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var diagnostics = await server!.DiagnosticsAsync(collect: true, cancellationToken).ConfigureAwait(false);
            if (condition(diagnostics) || deadline.Elapsed > TimeSpan.FromMinutes(1))
            {
                if (!condition(diagnostics))
                {
                    errors.Add("reattach", $"not {what} within a minute: {diagnostics.DetachedSessions} detached, {diagnostics.Sockets} sockets");
                }

                return diagnostics;
            }

            await Task.Delay(500, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Clicks one at a time, each on a random session: latency without queueing.</summary>
    private async Task<LatencySummary> SequentialAsync(CancellationToken cancellationToken)
    {
        var recorder = new LatencyRecorder();
        var failures = errors.Count("click");
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < options.SequentialClicks; i++)
        {
            await ClickAsync(Random.Shared.Next(Sessions), recorder, null, cancellationToken).ConfigureAwait(false);
        }

        var summary = recorder.Summarize("sequential clicks", errors.Count("click") - failures, clock.Elapsed);
        Log(Describe(summary));
        return summary;
    }

    /// <summary>
    /// Clicks at a fixed aggregate rate on random sessions, each sent on schedule whatever the
    /// replies do (open loop). Latency is measured from the actual send and from the scheduled
    /// time; the second includes any delay of the harness itself.
    /// </summary>
    private async Task<(LatencySummary Actual, LatencySummary Scheduled)> OpenLoopAsync(CancellationToken cancellationToken)
    {
        var actual = new LatencyRecorder();
        var scheduled = new LatencyRecorder();
        var failures = errors.Count("click");
        var total = (int)(options.Rate * options.LoadDuration.TotalSeconds);
        var inFlight = new List<Task>(total);
        var start = Stopwatch.GetTimestamp();
        var issued = 0;
        while (issued < total)
        {
            var due = Math.Min(total, (int)(Stopwatch.GetElapsedTime(start).TotalSeconds * options.Rate) + 1);
            for (; issued < due; issued++)
            {
                var intended = start + (long)(issued * (double)Stopwatch.Frequency / options.Rate);
                inFlight.Add(ClickAsync(Random.Shared.Next(Sessions), actual, (intended, scheduled), cancellationToken));
            }

            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var name = $"{options.Rate:N0} clicks/s for {options.LoadDuration.TotalSeconds:0} s";
        var result = (actual.Summarize(name, errors.Count("click") - failures, elapsed),
            scheduled.Summarize(name + ", from scheduled send", errors.Count("click") - failures, elapsed));
        Log(Describe(result.Item1));
        Log(Describe(result.Item2));
        return result;
    }

    /// <summary>One click on every session, many at once: proves each still answers.</summary>
    private async Task<LatencySummary> ClickEverySessionAsync(CancellationToken cancellationToken)
    {
        var recorder = new LatencyRecorder();
        var failures = errors.Count("click");
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, Sessions), Concurrently(cancellationToken), async (session, token) =>
        {
            // A session's own socket may be busy with a heartbeat or another of its views: wait for it.
            while (!await ClickAsync(session, recorder, null, token, pickAnother: false).ConfigureAwait(false))
            {
                await Task.Delay(1, token).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        var summary = recorder.Summarize("one click on every session", errors.Count("click") - failures, clock.Elapsed);
        Log(Describe(summary));
        return summary;
    }

    /// <summary>
    /// Clicks <paramref name="session"/> (or, when its socket is busy and <paramref name="pickAnother"/>,
    /// the next free one); false only when no session could be claimed.
    /// </summary>
    private async Task<bool> ClickAsync(int session, LatencyRecorder recorder, (long Intended, LatencyRecorder Recorder)? scheduled,
        CancellationToken cancellationToken, bool pickAnother = true)
    {
        LoadSocket? socket = null;
        for (var attempt = 0; attempt < (pickAnother ? 64 : 1); attempt++, session = (session + 1) % Sessions)
        {
            socket = sockets[session / options.ViewsPerSocket];
            if (socket is not null && !socket.Broken && socket.TryAcquire())
            {
                break;
            }

            socket = null;
        }

        if (socket is null)
        {
            if (pickAnother)
            {
                errors.Add("click", "no free session to click");
            }

            return false;
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.ClickTimeout);
            var sent = Stopwatch.GetTimestamp();
            var exchange = await socket.ClickAsync(session % options.ViewsPerSocket, options.EventName, timeout.Token).ConfigureAwait(false);
            var received = Stopwatch.GetTimestamp();
            if (!exchange.Ok)
            {
                errors.Add("click", exchange.Error!);
                return true;
            }

            recorder.Add(Stopwatch.GetElapsedTime(sent, received), exchange);
            scheduled?.Recorder.Add(Stopwatch.GetElapsedTime(scheduled.Value.Intended, received), exchange);
            return true;
        }
        finally
        {
            socket.Release();
        }
    }

    /// <summary>Sends each idle socket a heartbeat every interval, as the browser client does; the server closes silent sockets.</summary>
    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        var interval = (long)options.HeartbeatInterval.TotalMilliseconds;
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(500, cancellationToken).ConfigureAwait(false);
            var now = Environment.TickCount64;
            var count = Volatile.Read(ref socketCount);
            var due = new List<LoadSocket>();
            for (var i = 0; i < count; i++)
            {
                if (sockets[i] is { Broken: false } socket && now - socket.LastSent >= interval)
                {
                    due.Add(socket);
                }
            }

            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (socket, token) =>
            {
                if (!socket.TryAcquire())
                {
                    return; // busy with a click, which keeps the connection alive just as well
                }

                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
                    timeout.CancelAfter(options.ClickTimeout);
                    var exchange = await socket.HeartbeatAsync(timeout.Token).ConfigureAwait(false);
                    if (!exchange.Ok && !token.IsCancellationRequested)
                    {
                        errors.Add("heartbeat", exchange.Error!);
                    }
                }
                finally
                {
                    socket.Release();
                }
            }).ConfigureAwait(false);
        }
    }

    private static string GcBetween(ServerDiagnostics before, ServerDiagnostics after) =>
        string.Join(", ", after.GcCollections.Select((count, generation) => $"gen{generation} {count - before.GcCollections[generation]}")) +
        $", {after.GcPauseMilliseconds - before.GcPauseMilliseconds:F0} ms paused; server CPU {after.CpuSeconds - before.CpuSeconds:F2} s";

    private ParallelOptions Concurrently(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken };

    private static string Describe(LatencySummary summary) =>
        $"{summary.Name}: {summary.Count} in {summary.Throughput:F0}/s, p50 {summary.P50:F2} ms, p95 {summary.P95:F2} ms, p99 {summary.P99:F2} ms, " +
        $"max {summary.Max:F1} ms, {summary.Errors} errors; up {summary.UpFrame:F0} B, down {summary.DownFrame:F0} B per click";

    private static string ServerFileLimit(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        return line is null ? "?" : string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(3).Take(1));
    }

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture);

    private void Log(string message)
    {
        lock (log)
        {
            log.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
        }
    }
}
