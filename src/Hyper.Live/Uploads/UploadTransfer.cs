namespace Hyper.Live.Uploads;

/// <summary>
/// The temporary file one entry's chunks stream into: never held in memory, deleted when the entry
/// is consumed, cancelled or its view ends. Used from its session's mailbox only.
/// </summary>
internal sealed class UploadTransfer : IDisposable
{
    private FileStream? writer;
    private Timer? idleTimer;

    // Chunks written, read by the idle timer on another thread.
    private int writes;
    private int writesAtLastTick;

    private UploadTransfer(string path, FileStream writer, string topic, string? joinRef)
    {
        Path = path;
        this.writer = writer;
        Topic = topic;
        JoinRef = joinRef;
    }

    public string Path { get; }

    /// <summary>The upload channel (<c>lvu:&lt;ref&gt;</c>) the bytes arrive on.</summary>
    public string Topic { get; }

    /// <summary>The upload channel's join ref, for the <c>phx_close</c> that ends it.</summary>
    public string? JoinRef { get; }

    /// <summary>Whether the channel is still open (joined and not closed or left).</summary>
    public bool ChannelOpen { get; set; } = true;

    public long Received { get; private set; }

    /// <summary>Creates the file in <paramref name="directory"/> (created when missing), readable only by this process's user.</summary>
    public static UploadTransfer Create(string directory, string topic, string? joinRef)
    {
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, "upload-" + Guid.NewGuid().ToString("N"));
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new UploadTransfer(path, new FileStream(path, options), topic, joinRef);
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        await writer!.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
        Received += chunk.Length;
        Interlocked.Increment(ref writes);
    }

    /// <summary>
    /// Calls <paramref name="idle"/> (on a timer thread) once no chunk arrived for a whole
    /// <paramref name="timeout"/> before the file was complete: the browser stalled or went away.
    /// </summary>
    public void WatchIdle(TimeSpan timeout, Action idle)
    {
        idleTimer = new Timer(_ =>
        {
            var now = Volatile.Read(ref writes);
            if (now == writesAtLastTick && writer is not null)
            {
                idleTimer?.Dispose();
                idle();
            }

            writesAtLastTick = now;
        }, null, timeout, timeout);
    }

    /// <summary>Closes the file once its last byte is written.</summary>
    public void Complete()
    {
        idleTimer?.Dispose();
        idleTimer = null;
        writer?.Dispose();
        writer = null;
    }

    /// <summary>Reads the finished file.</summary>
    public Stream OpenRead()
    {
        Complete();
        return new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
    }

    public void Dispose()
    {
        Complete();
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // Still open for reading by a consumer that leaked its stream: nothing more can be done here.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
