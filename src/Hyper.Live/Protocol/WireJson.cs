using System.Text.Encodings.Web;
using System.Text.Json;

namespace Hyper.Live.Protocol;

/// <summary>How every frame and every pre-encoded fragment of one (statics, diffs) is written.</summary>
internal static class WireJson
{
    /// <summary>
    /// Frames travel over a WebSocket, never inside an HTML page: escaping '&lt;' or '&amp;' would
    /// only add bytes.
    /// </summary>
    public static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };
}
