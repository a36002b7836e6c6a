using System.Net;
using System.Runtime;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Hyper.Live.Diagnostics;

namespace Hyper.Live.Hosting;

/// <summary>
/// Serves <see cref="HyperLiveOptions.DiagnosticsPath"/> (off unless set): a JSON snapshot of
/// the load the server carries, which the load harness reads at each checkpoint.
/// </summary>
/// <remarks>
/// Answers loopback clients only: it reveals load figures and <c>?collect=true</c> pauses the
/// whole process for a full, compacting collection, which no remote client may trigger.
/// </remarks>
internal static class DiagnosticsEndpoint
{
    public static IEndpointConventionBuilder MapDiagnostics(this IEndpointRouteBuilder endpoints, string path) =>
        endpoints.MapGet(path, ServeAsync).WithDisplayName("Hyper.Live diagnostics");

    private static async Task ServeAsync(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var metrics = context.RequestServices.GetRequiredService<HyperLiveMetrics>();
        var collect = string.Equals(context.Request.Query["collect"], "true", StringComparison.OrdinalIgnoreCase);
        if (collect)
        {
            // Compact the large object heap too, so the committed size reflects live data only.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        // After a forced collection this is what live objects hold; without one it includes garbage.
        var managed = GC.GetTotalMemory(forceFullCollection: collect);
        var info = GC.GetGCMemoryInfo(GCKind.Any);

        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        await using (var json = new Utf8JsonWriter(context.Response.BodyWriter))
        {
            json.WriteStartObject();
            json.WriteNumber("sockets"u8, metrics.Sockets);
            json.WriteNumber("sessions"u8, metrics.Sessions);
            json.WriteNumber("detachedSessions"u8, metrics.DetachedSessions);
            json.WriteNumber("events"u8, metrics.Events);
            json.WriteBoolean("collected"u8, collect);
            json.WriteNumber("managedBytes"u8, managed);
            json.WriteNumber("gcHeapBytes"u8, info.HeapSizeBytes);
            json.WriteNumber("gcCommittedBytes"u8, info.TotalCommittedBytes);
            json.WriteNumber("gcFragmentedBytes"u8, info.FragmentedBytes);
            json.WriteNumber("workingSetBytes"u8, Environment.WorkingSet);
            json.WriteBoolean("serverGc"u8, GCSettings.IsServerGC);
            json.WriteString("gcLatencyMode"u8, GCSettings.LatencyMode.ToString());
            json.WriteNumber("processorCount"u8, Environment.ProcessorCount);
            json.WriteNumber("threads"u8, ThreadPool.ThreadCount);
            json.WriteNumber("gcPauseMilliseconds"u8, GC.GetTotalPauseDuration().TotalMilliseconds);
            json.WriteStartArray("gcCollections"u8);
            for (var generation = 0; generation <= GC.MaxGeneration; generation++)
            {
                json.WriteNumberValue(GC.CollectionCount(generation));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
    }
}
