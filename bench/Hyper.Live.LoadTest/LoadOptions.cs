using System.Globalization;

namespace Hyper.Live.LoadTest;

/// <summary>What one run of the harness does; parsed from the command line (see <see cref="Usage"/>).</summary>
internal sealed record LoadOptions
{
    public const string Usage = """
        Hyper.Live load harness: starts the samples app (Release), opens sessions the way a browser does
        (dead-render GET, WebSocket, phx_join), measures memory per session, click latency and bytes per click.

          --page counter|persisted-counter|table|components  the page: /bench/counter or /bench/persisted-counter (its count
                                    [Persist]ed: a snapshot per click; event "inc"), /bench/table or /bench/components (event "update")  [counter]
          --rows 1000               rows of the table or components page (?rows=)                               [the page's 1,000]
          --sessions 1000,10000     checkpoints: sessions to hold when memory is measured                      [1000,10000]
          --latency-at 10000        checkpoints after which the click latency phases run                        [the last]
          --views-per-socket 1      live views joined over each socket (a page with several views)              [1]
          --concurrency 64          sessions being opened at once                                              [64]
          --sources 4               loopback source addresses 127.0.0.1.. to spread the sockets over            [4]
          --warmup 200              sessions opened, clicked and closed before the baseline                     [200]
          --sequential 1000         sequential clicks, one at a time on random sessions                        [1000]
          --rate 1000               aggregate clicks per second of the load phase (0: skip it)                  [1000]
          --duration 10             seconds of the load phase                                                   [10]
          --heartbeat 30            seconds between a socket's heartbeats, as the browser client sends them      [30]
          --server PATH             the samples app's dll                                                      [bin/<configuration>]
          --server-env KEY=VALUE    an environment variable for the server process (repeatable)
          --server-arg ARG          a command-line argument for the server, replacing the default
                                    --Logging:LogLevel:Microsoft.AspNetCore=Warning (repeatable)
          --heap-stats 0            after the last checkpoint, the top N types of the server's heap per session  [0]
          --hold 0                  seconds to keep every session open at the end (to profile the server)       [0]
          --reattach                after the last checkpoint, drop every socket, measure the detached sessions,
                                    then rejoin each page over a new socket and measure them re-attached
          --results DIR             where the Markdown report is appended ("-": no report)                      [bench/results]
          --quick                   smoke test: 500 sessions, a short latency phase; fails on any error
        """;

    public string Page { get; init; } = "counter";

    /// <summary>The <c>?rows=</c> of the table and components pages; null for their default.</summary>
    public int? Rows { get; init; }

    public IReadOnlyList<int> Checkpoints { get; init; } = [1000, 10000];

    /// <summary>Checkpoints after which the latency phases run; empty means the last one.</summary>
    public IReadOnlyList<int> LatencyAt { get; init; } = [];

    public int ViewsPerSocket { get; init; } = 1;

    public int Concurrency { get; init; } = 64;

    public int SourceAddresses { get; init; } = 4;

    public int Warmup { get; init; } = 200;

    public int SequentialClicks { get; init; } = 1000;

    public int Rate { get; init; } = 1000;

    public TimeSpan LoadDuration { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan ClickTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan JoinTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public string? ServerPath { get; init; }

    /// <summary>How many types of the server's heap to list per session after the last checkpoint; 0 lists none.</summary>
    public int HeapStatistics { get; init; }

    /// <summary>How long to keep every session open after the last phase, e.g. to take a heap snapshot.</summary>
    public TimeSpan Hold { get; init; }

    /// <summary>Whether to drop every socket after the last checkpoint and rejoin (memory detached and re-attached).</summary>
    public bool Reattach { get; init; }

    public IReadOnlyDictionary<string, string> ServerEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Arguments for the server. By default the logging level that <c>dotnet new web</c> puts in
    /// appsettings.json (the samples app has none): ASP.NET Core's own logs at Warning. At
    /// Information the hosting log formats a "Request starting" line per request, which an
    /// upgraded request keeps for the socket's life (0.8 KiB per session, measured).
    /// </summary>
    public IReadOnlyList<string> ServerArguments { get; init; } = ["--Logging:LogLevel:Microsoft.AspNetCore=Warning"];

    /// <summary>Directory the Markdown report is appended to; null writes none.</summary>
    public string? ResultsDirectory { get; init; } = Path.Combine(BuildInfo.RepositoryRoot, "bench", "results");

    public bool Quick { get; init; }

    /// <summary>The command line as given, for the report.</summary>
    public string CommandLine { get; init; } = "";

    public string PagePath => "/bench/" + Page + (Rows is { } rows ? $"?rows={rows}" : "");

    public string EventName => Page is "counter" or "persisted-counter" ? "inc" : "update";

    public int MaxSessions => Checkpoints[^1];

    /// <summary>The smoke test's settings: small, quick, still every phase.</summary>
    public static LoadOptions QuickDefaults => new()
    {
        Quick = true,
        Checkpoints = [500],
        Warmup = 50,
        SequentialClicks = 200,
        Rate = 200,
        LoadDuration = TimeSpan.FromSeconds(5),
        SourceAddresses = 2,
        Concurrency = 32,
    };

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = args.Contains("--quick") ? QuickDefaults : new LoadOptions();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        List<string>? serverArguments = null;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--quick" => options,
                "--page" => options with { Page = PageName(Value()) },
                "--rows" => options with { Rows = Number(Value()) },
                "--sessions" => options with { Checkpoints = Numbers(Value()) },
                "--latency-at" => options with { LatencyAt = Numbers(Value()) },
                "--views-per-socket" => options with { ViewsPerSocket = Number(Value()) },
                "--concurrency" => options with { Concurrency = Number(Value()) },
                "--sources" => options with { SourceAddresses = Number(Value()) },
                "--warmup" => options with { Warmup = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--sequential" => options with { SequentialClicks = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--rate" => options with { Rate = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--duration" => options with { LoadDuration = TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--heartbeat" => options with { HeartbeatInterval = TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--heap-stats" => options with { HeapStatistics = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--reattach" => options with { Reattach = true },
                "--hold" => options with { Hold = TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--server" => options with { ServerPath = Value() },
                "--server-env" => AddEnvironment(options, environment, Value()),
                "--server-arg" => options with { ServerArguments = serverArguments = [.. serverArguments ?? [], Value()] },
                "--results" => options with { ResultsDirectory = Value() is var directory && directory == "-" ? null : directory },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        if (options.Checkpoints.Count == 0 || options.Checkpoints.Zip(options.Checkpoints.Skip(1)).Any(pair => pair.First >= pair.Second))
        {
            throw new ArgumentException("--sessions takes increasing numbers");
        }

        return options with { CommandLine = string.Join(' ', args) };
    }

    private static LoadOptions AddEnvironment(LoadOptions options, Dictionary<string, string> environment, string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException("--server-env takes KEY=VALUE");
        }

        environment[pair[..equals]] = pair[(equals + 1)..];
        return options with { ServerEnvironment = environment };
    }

    private static string PageName(string page) =>
        page is "counter" or "persisted-counter" or "table" or "components"
            ? page
            : throw new ArgumentException("--page is counter, persisted-counter, table or components");

    private static int Number(string text)
    {
        var value = int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
        return value > 0 ? value : throw new ArgumentException($"{text}: a positive number is needed");
    }

    private static int[] Numbers(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(part => Number(part.Replace("_", "", StringComparison.Ordinal)))
        .ToArray();
}
