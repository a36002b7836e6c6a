using System.Diagnostics;
using Hyper.Live.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hyper.Live.Benchmarks;

/// <summary>
/// <c>--upload [MB]</c>: one file (100 MB by default) uploaded over loopback by Hyper.Live.Testing's client,
/// which speaks the browser's protocol (64,000-byte binary chunks, each acknowledged before the next, progress
/// after each), to a Kestrel server in this process. Prints the throughput and the managed heap: sampled
/// every 10 ms during the upload, its peak minus the client's own copy of the file is what the upload holds.
/// </summary>
internal static class UploadBench
{
    public static async Task RunAsync(string[] args)
    {
        var megabytes = args.SkipWhile(a => a != "--upload").Skip(1).Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault(100);
        megabytes = megabytes > 0 ? megabytes : 100;
        var directory = Path.Combine(Path.GetTempPath(), "hyper-upload-bench-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddHyperLive(options =>
        {
            options.UploadDirectory = directory;
            options.MaxUploadBytesPerView = 2L * 1024 * 1024 * 1024;
        });
        await using var app = builder.Build();
        app.MapHyperLive(typeof(UploadBench).Assembly);
        app.MapLive<UploadBenchView>("/upload-bench");
        await app.StartAsync();

        var content = new byte[megabytes * 1_000_000];
        new Random(17).NextBytes(content);
        await using var client = new LiveClient(new Uri(app.Urls.First())) { Timeout = TimeSpan.FromMinutes(5) };

        // A small upload first, so the JIT is not measured.
        var warm = await client.LiveAsync("/upload-bench");
        await warm.UploadAsync("file", new UploadFile("warm.bin", new byte[200_000]));
        await warm.DisposeAsync();

        var page = await client.LiveAsync("/upload-bench");
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(10).ConfigureAwait(false);
            }
        });
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await page.UploadAsync("file", new UploadFile("big.bin", content));
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        await sampling.CancelAsync();
        await sampler;

        var onDisk = Directory.GetFiles(directory).Sum(f => new FileInfo(f).Length);
        await page.SubmitAsync("#upload-bench");
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"file: {megabytes} MB ({content.Length:N0} bytes), on disk before consuming: {onDisk:N0} bytes, consumed: {page.Text("#consumed")}");
        Console.WriteLine($"time: {clock.Elapsed.TotalSeconds:0.00} s, throughput: {content.Length / 1e6 / clock.Elapsed.TotalSeconds:0.0} MB/s");
        Console.WriteLine($"managed heap: {before / 1e6:0.0} MB before (with the client's file), peak {peak / 1e6:0.0} MB during, {after / 1e6:0.0} MB after; peak above the start: {(peak - before) / 1e6:0.0} MB");
        Console.WriteLine($"allocated during the upload (client and server): {allocated / 1e6:0.0} MB, {allocated / (content.Length / 64_000.0) / 1e3:0.0} KB per chunk");
        await page.DisposeAsync();
        await app.StopAsync();
        Directory.Delete(directory, recursive: true);
    }
}

/// <summary>The bench's upload page: one file of up to 1 GB, uploaded on selection, consumed (its bytes counted) on submit.</summary>
public sealed class UploadBenchView : LiveView
{
    private long consumed;

    protected internal override void Mount(LiveParams parameters) =>
        AllowUpload("file", new UploadOptions { MaxFileSize = 1_000_000_000, AutoUpload = true });

    public void Validate()
    {
    }

    public async Task Save(CancellationToken cancellationToken)
    {
        await ConsumeUploadedEntriesAsync("file", async (_, stream, ct) =>
        {
            var buffer = new byte[81920];
            for (int read; (read = await stream.ReadAsync(buffer, ct)) > 0;)
            {
                consumed += read;
            }
        }, cancellationToken);
    }

    public override Html Render() => $$"""
        <form id="upload-bench" @change="validate" @submit="save">{{Uploads["file"].Input()}}</form>
        <p id="consumed">{{consumed}}</p>
        """;
}
