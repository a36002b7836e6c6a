using Hyper.Live.Tests.Protocol;

namespace Hyper.Live.Tests.Uploads;

/// <summary>A test server with uploads written to a folder of its own, room for a 10,000-entry frame and small disk budgets.</summary>
public sealed class UploadTestServer : LiveTestServer
{
    public string UploadDirectory { get; } = Path.Combine(Path.GetTempPath(), "hyper-upload-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>The files waiting in the upload folder now.</summary>
    public string[] TempFiles() => Directory.Exists(UploadDirectory) ? Directory.GetFiles(UploadDirectory) : [];

    protected override void Configure(HyperLiveOptions options)
    {
        options.MaxMessageSize = 2 * 1024 * 1024;
        options.UploadDirectory = UploadDirectory;
        options.MaxUploadBytesPerView = 150_000;
        options.MaxUploadBytes = 10_000_000;
    }
}
