namespace Hyper.Live;

/// <summary>The error codes of an upload or its entries (Phoenix's, plus the server's disk budget), and messages for them.</summary>
public static class UploadErrors
{
    /// <summary>The file is larger than <see cref="UploadOptions.MaxFileSize"/>, or more bytes arrived than it declared.</summary>
    public const string TooLarge = "too_large";

    /// <summary>The file's extension or MIME type is not in <see cref="UploadOptions.Accept"/>.</summary>
    public const string NotAccepted = "not_accepted";

    /// <summary>More files were selected than <see cref="UploadOptions.MaxEntries"/> (an error of the upload, not of an entry).</summary>
    public const string TooManyFiles = "too_many_files";

    /// <summary>The browser's upload failed (an external uploader's error, or the upload channel failed).</summary>
    public const string ExternalClientFailure = "external_client_failure";

    /// <summary>The upload would go over the disk space the server allows per view or in all (<see cref="HyperLiveOptions.MaxUploadBytesPerView"/>, <see cref="HyperLiveOptions.MaxUploadBytes"/>).</summary>
    public const string DiskBudgetExceeded = "disk_budget_exceeded";

    /// <summary>The browser reported the file complete before all of its declared bytes arrived.</summary>
    public const string Incomplete = "incomplete";

    /// <summary>A message for the user for <paramref name="code"/>, e.g. "The file is too large."; the code itself when unknown.</summary>
    public static string Message(string code) => code switch
    {
        TooLarge => "The file is too large.",
        NotAccepted => "This type of file is not accepted.",
        TooManyFiles => "Too many files were selected.",
        ExternalClientFailure => "The upload failed.",
        DiskBudgetExceeded => "The server has no room for this file right now.",
        Incomplete => "The file did not arrive completely.",
        _ => code,
    };
}
