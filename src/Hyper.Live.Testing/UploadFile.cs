using Microsoft.AspNetCore.StaticFiles;

namespace Hyper.Live.Testing;

/// <summary>A file to choose in a live file input with <see cref="LivePage.UploadAsync(string, UploadFile[])"/>.</summary>
/// <param name="Name">The file name the browser declares.</param>
/// <param name="Content">The file's bytes.</param>
/// <param name="ContentType">The MIME type the browser declares; by default the one of <paramref name="Name"/>'s extension, as a browser guesses it.</param>
public sealed record UploadFile(string Name, byte[] Content, string? ContentType = null)
{
    private static readonly FileExtensionContentTypeProvider Types = new();

    /// <summary>The declared MIME type: as given, else guessed from the extension (empty when unknown, as in a browser).</summary>
    public string ContentType { get; init; } = ContentType ?? (Types.TryGetContentType(Name, out var type) ? type : "");

    /// <summary>When the file was last modified, as the browser declares it. The Unix epoch by default.</summary>
    public DateTimeOffset LastModified { get; init; } = DateTimeOffset.UnixEpoch;

    /// <summary>A file on disk, named as it is there.</summary>
    public static UploadFile FromPath(string path) => new(Path.GetFileName(path), File.ReadAllBytes(path));

    /// <summary>A text file, UTF-8 encoded.</summary>
    public static UploadFile FromText(string name, string text) => new(name, System.Text.Encoding.UTF8.GetBytes(text));
}
