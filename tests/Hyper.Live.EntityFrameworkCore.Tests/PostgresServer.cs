using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Hyper.Live.EntityFrameworkCore.Tests;

/// <summary>
/// A throwaway PostgreSQL cluster for a test class: <c>initdb</c> into a temp directory, <c>pg_ctl start</c> on a free
/// port of 127.0.0.1 (socket in the same directory, fsync off), stopped and deleted on dispose. Needs the server
/// binaries (Debian's <c>postgresql</c>, which scripts/setup.sh installs); as root it runs them as <c>postgres</c>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "hyper-pg-" + Guid.NewGuid().ToString("N"));
    private string bin = "";
    private int port;

    private string Data => Path.Combine(directory, "data");

    /// <summary>A connection string for <paramref name="database"/> (created by EF's EnsureCreated when missing).</summary>
    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={port};Username=postgres;Database={database};Pooling=false";

    public async Task InitializeAsync()
    {
        bin = FindBinaries();
        Directory.CreateDirectory(directory);
        if (Environment.UserName == "root")
        {
            // initdb refuses to run as root: the cluster belongs to the postgres user.
            await RunAsync("chown", ["-R", "postgres", directory], asPostgres: false);
        }

        await RunAsync(Path.Combine(bin, "initdb"), ["-D", Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
        port = FreePort();
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off", "start"]);
    }

    public async Task DisposeAsync()
    {
        try
        {
            await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string FindBinaries() =>
        (Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [])
            .Select(version => Path.Combine(version, "bin"))
            .Where(path => File.Exists(Path.Combine(path, "initdb")))
            .OrderDescending(StringComparer.Ordinal)
            .FirstOrDefault()
        ?? throw new InvalidOperationException("PostgreSQL's server binaries are missing (/usr/lib/postgresql/*/bin/initdb): run scripts/setup.sh.");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string[] arguments, bool asPostgres = true)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres && Environment.UserName == "root")
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
