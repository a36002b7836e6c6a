using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Hyper.Live.Testing;

namespace Hyper.Live.Samples.Tests;

/// <summary>
/// The samples app as a process of its own, killed with SIGKILL (no shutdown, nothing flushed) and started again on
/// the same address with the same SQLite file: the page reconnects to the state of the last snapshot.
/// </summary>
public sealed class KillTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("hyper-live-kill-").FullName;
    private readonly List<Process> processes = [];

    public void Dispose()
    {
        foreach (var process in processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }

        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task After_SIGKILL_the_counter_comes_back_from_the_last_snapshot()
    {
        var port = FreePort();
        var url = new Uri($"http://127.0.0.1:{port}/");
        var first = await StartAsync(url);
        await using var client = new LiveClient(url);
        var page = await client.LiveAsync("/counter");
        for (var i = 0; i < 3; i++)
        {
            await page.ClickAsync("increment");
        }

        // Snapshots leave the session at once and reach the file a moment later, off the event's path.
        await Task.Delay(TimeSpan.FromSeconds(1));
        first.Kill(); // SIGKILL
        await first.WaitForExitAsync();
        await page.DisconnectAsync();
        await StartAsync(url);

        await page.ReconnectAsync();

        Assert.Equal("Count: 3", page.Text("h2"));
        await page.ClickAsync("increment");
        Assert.Equal("Count: 4", page.Text("h2"));
    }

    /// <summary>Runs the samples app (built next to these tests) on <paramref name="url"/> and waits until it answers.</summary>
    private async Task<Process> StartAsync(Uri url)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Hyper.Live.Samples.dll"),
            "--urls", url.ToString().TrimEnd('/'),
            "--SessionStoreFile=" + Path.Combine(folder, "sessions.db"),
            "--Logging:LogLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        processes.Add(process);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            Assert.False(process.HasExited, "the samples app exited");
            try
            {
                if ((await http.GetAsync("/counter")).StatusCode == HttpStatusCode.OK)
                {
                    return process;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, "the samples app did not start within 60 s");
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
