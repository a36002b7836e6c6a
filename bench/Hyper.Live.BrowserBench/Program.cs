using System.Globalization;
using Hyper.Live.BrowserBench;
using Microsoft.Playwright;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var loadBefore = File.ReadAllText("/proc/loadavg").Trim();
await using var server = await SamplesServer.StartAsync(options, CancellationToken.None);
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = options.ChromiumPath,
    Headless = true,
    Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
});

var script = await ScriptTransfer.MeasureAsync(browser, server.BaseAddress);
List<PageResult> results = [await ClickLatency.MeasureAsync(browser, server.BaseAddress, "counter", "/bench/counter", "#inc", "counter", 0, options)];
foreach (var rows in options.Rows)
{
    results.Add(await ClickLatency.MeasureAsync(browser, server.BaseAddress, $"table, {rows:N0} rows", $"/bench/table?rows={rows}", "#update", "table", rows, options));
    results.Add(await ClickLatency.MeasureAsync(browser, server.BaseAddress, $"{rows:N0} components", $"/bench/components?rows={rows}", "#update", "table", rows, options));
}

var loadAfter = File.ReadAllText("/proc/loadavg").Trim();
var invariant = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(invariant, $"Chromium {browser.Version}, {Environment.ProcessorCount} cores, {options.Clicks} clicks per page after {options.Warmup} warm-up clicks"));
Console.WriteLine($"server arguments: {(options.ServerArguments.Count == 0 ? "(none)" : string.Join(' ', options.ServerArguments))}");
Console.WriteLine($"load average before: {loadBefore}; after: {loadAfter}");
Console.WriteLine(string.Create(invariant, $"client script: {script.BodyBytes:N0} bytes on the wire ({script.Encoding}), {script.DecodedBytes:N0} decoded"));
Console.WriteLine();
Console.WriteLine("| page | click → DOM median | p95 | median / counter's | bytes per click (up + down) | join reply | join reply deflated |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
foreach (var result in results)
{
    Console.WriteLine(string.Create(invariant,
        $"| {result.Name} | {result.Median:F1} ms | {result.P95:F1} ms | {result.Median / results[0].Median:F1}× | {result.BytesPerClick:F0} B | {result.JoinBytes:N0} B | {result.JoinDeflatedBytes:N0} B |"));
}

return 0;
