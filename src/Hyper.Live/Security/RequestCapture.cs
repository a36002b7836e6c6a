using System.Globalization;
using Hyper.Live.Views;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Hyper.Live.Security;

/// <summary>Takes the <see cref="RequestSnapshot"/> of the HTTP render, the part of <see cref="LiveRequest"/> the session token signs.</summary>
internal static class RequestCapture
{
    public static async Task<RequestSnapshot> SnapshotAsync(HttpContext context, HyperLiveOptions options)
    {
        Dictionary<string, string>? session = null;
        if (options.CaptureSession && context.Features.Get<ISessionFeature>()?.Session is { } store)
        {
            // Loads it now: reading an unloaded session synchronously would block on its store.
            await store.LoadAsync(context.RequestAborted).ConfigureAwait(false);
            session = store.Keys.ToDictionary(key => key, key => store.GetString(key) ?? "", StringComparer.Ordinal);
        }

        Dictionary<string, string>? headers = null;
        foreach (var name in options.CapturedHeaders)
        {
            if (context.Request.Headers.TryGetValue(name, out var value))
            {
                (headers ??= new(StringComparer.OrdinalIgnoreCase))[name] = value.ToString();
            }
        }

        return new RequestSnapshot(
            session is { Count: > 0 } ? session : null,
            headers,
            context.Connection.RemoteIpAddress?.ToString(),
            CultureInfo.CurrentCulture.Name);
    }
}
