using System.Globalization;
using System.Reflection;

namespace Hyper.Live.BrowserBench;

/// <summary>What one run measures; parsed from the command line (see <see cref="Usage"/>).</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        Hyper.Live browser benchmark: starts the samples app (Release) and measures click → DOM-updated
        latency in headless Chromium on /bench/counter, /bench/table?rows=N and /bench/components?rows=N
        (the same table, every row a live component), and the bytes per click.

          --clicks 200              measured clicks per page                                   [200]
          --warmup 20               clicks before measuring (JIT, caches)                      [20]
          --rows 1000,10000         table sizes to measure (as a table and as components)      [1000,10000]
          --server PATH             the samples app's dll                                      [bin/<configuration>]
          --server-arg ARG          a command-line argument for the server (repeatable),
                                    e.g. --HyperLive:WebSocketCompression=true
          --chromium PATH           the browser                                                [$HYPER_LIVE_CHROMIUM or /usr/bin/chromium]
        """;

    public int Clicks { get; init; } = 200;

    public int Warmup { get; init; } = 20;

    public IReadOnlyList<int> Rows { get; init; } = [1000, 10000];

    public string ServerPath { get; init; } = typeof(BenchOptions).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().First(attribute => attribute.Key == "SamplesAssembly").Value!;

    public IReadOnlyList<string> ServerArguments { get; init; } = [];

    public string ChromiumPath { get; init; } =
        Environment.GetEnvironmentVariable("HYPER_LIVE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> with the reason.</summary>
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            int Count() => int.TryParse(Value(), CultureInfo.InvariantCulture, out var count) && count > 0
                ? count
                : throw new ArgumentException($"{name} needs a positive whole number");
            options = name switch
            {
                "--clicks" => options with { Clicks = Count() },
                "--warmup" => options with { Warmup = Count() },
                "--rows" => options with { Rows = Value().Split(',').Select(rows => int.Parse(rows, CultureInfo.InvariantCulture)).ToArray() },
                "--server" => options with { ServerPath = Value() },
                "--server-arg" => options with { ServerArguments = [.. options.ServerArguments, Value()] },
                "--chromium" => options with { ChromiumPath = Value() },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }

        return options;
    }
}
