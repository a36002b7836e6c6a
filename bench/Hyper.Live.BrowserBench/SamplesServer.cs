using System.Diagnostics;

namespace Hyper.Live.BrowserBench;

/// <summary>
/// The samples app as a child process in Production on a loopback port the OS picks; its
/// address is read from Kestrel's "Now listening on" line.
/// </summary>
internal sealed class SamplesServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource<Uri> address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SamplesServer(Process process) => this.process = process;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<SamplesServer> StartAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        if (!File.Exists(options.ServerPath))
        {
            throw new FileNotFoundException($"The samples app is not built at {options.ServerPath}; run with -c Release or pass --server.", options.ServerPath);
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(options.ServerPath);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.ArgumentList.Add("--Logging:LogLevel:Microsoft.AspNetCore=Warning");
        foreach (var argument in options.ServerArguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var server = new SamplesServer(Process.Start(start) ?? throw new InvalidOperationException("could not start the samples app"));
        server.process.OutputDataReceived += (_, line) => server.OnLine(line.Data);
        server.process.ErrorDataReceived += (_, line) => server.OnLine(line.Data);
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            var exited = server.process.WaitForExitAsync(timeout.Token);
            if (await Task.WhenAny(server.address.Task, exited).ConfigureAwait(false) != server.address.Task)
            {
                await exited.ConfigureAwait(false);
                throw new InvalidOperationException($"the samples app exited with code {server.process.ExitCode}");
            }

            server.BaseAddress = await server.address.Task.ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        process.Dispose();
    }

    private void OnLine(string? line)
    {
        const string Marker = "Now listening on: ";
        if (line?.IndexOf(Marker, StringComparison.Ordinal) is >= 0 and var at)
        {
            address.TrySetResult(new Uri(line[(at + Marker.Length)..].Trim()));
        }
        else if (line is not null && (line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal)))
        {
            Console.Error.WriteLine("server: " + line);
        }
    }
}
