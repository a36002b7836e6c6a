using System.Buffers.Text;
using System.Security.Cryptography;

namespace Hyper.Live.Hosting;

/// <summary>
/// The browser bundle (Phoenix LiveView client + our glue module) that the build embeds in
/// this assembly, with its Brotli and gzip forms (compressed at build time by
/// <c>Client/build.mjs</c>) and the content hash used for its URL and its ETags.
/// </summary>
internal sealed class ClientScript
{
    /// <summary>Manifest name given to the bundle by <c>Client/Client.targets</c>.</summary>
    internal const string ResourceName = "Hyper.Live.Client.hyper-live.js";

    /// <summary>Stable path the bundle is served from (see <see cref="ClientScriptEndpoint"/>).</summary>
    internal const string Path = "/_hyper/live.js";

    // 16 base64url characters = 96 bits of SHA-256: plenty to tell builds apart.
    private const int HashLength = 16;

    // Loaded on first use only, so apps and tests that never serve the script never read it.
    private static readonly Lazy<ClientScript> shared =
        new(() => Load(typeof(ClientScript).Assembly), LazyThreadSafetyMode.ExecutionAndPublication);

    private ClientScript(byte[] content, byte[] brotli, byte[] gzip)
    {
        Content = content;
        Hash = Base64Url.EncodeToString(SHA256.HashData(content))[..HashLength];
        ETag = $"\"{Hash}\"";
        Url = $"{Path}?v={Hash}";
        Identity = new ClientScriptVariant(null, content, ETag);
        Brotli = new ClientScriptVariant("br", brotli, $"\"{Hash}-br\"");
        Gzip = new ClientScriptVariant("gzip", gzip, $"\"{Hash}-gz\"");
    }

    /// <summary>The bundle embedded in Hyper.Live.dll, loaded once.</summary>
    public static ClientScript Shared => shared.Value;

    /// <summary>The bundle's bytes (UTF-8 JavaScript).</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>Truncated base64url SHA-256 of <see cref="Content"/>; changes with every different bundle.</summary>
    public string Hash { get; }

    /// <summary>Strong entity tag: the quoted <see cref="Hash"/>.</summary>
    public string ETag { get; }

    /// <summary>
    /// URL for <c>&lt;script defer src&gt;</c>: the stable path plus <c>?v=</c><see cref="Hash"/>, so a
    /// browser may cache it forever and still fetches a new build.
    /// </summary>
    public string Url { get; }

    /// <summary>The bundle as built, sent when the browser accepts no compression we have.</summary>
    public ClientScriptVariant Identity { get; }

    /// <summary>The bundle compressed with Brotli (<c>Content-Encoding: br</c>).</summary>
    public ClientScriptVariant Brotli { get; }

    /// <summary>The bundle compressed with gzip (<c>Content-Encoding: gzip</c>).</summary>
    public ClientScriptVariant Gzip { get; }

    /// <summary>Reads the embedded bundle and its compressed forms from <paramref name="assembly"/>.</summary>
    internal static ClientScript Load(System.Reflection.Assembly assembly) =>
        new(Read(assembly, ResourceName), Read(assembly, ResourceName + ".br"), Read(assembly, ResourceName + ".gz"));

    private static byte[] Read(System.Reflection.Assembly assembly, string name)
    {
        using Stream stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException(
                $"Embedded resource '{name}' is missing from {assembly.GetName().Name}; it is built by Client/Client.targets (needs Node.js at build time).");
        byte[] content = new byte[stream.Length];
        stream.ReadExactly(content);
        return content;
    }
}
