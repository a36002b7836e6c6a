namespace Hyper.Live.Uploads;

/// <summary>
/// Disk space for uploads, reserved by declared size before a file's first byte is written and
/// released when the file is deleted. Thread-safe: the server-wide budget is shared by every session.
/// </summary>
internal sealed class UploadBudget(long limit)
{
    private long used;

    /// <summary>Bytes reserved now.</summary>
    public long Used => Interlocked.Read(ref used);

    public bool TryReserve(long bytes)
    {
        while (true)
        {
            var current = Interlocked.Read(ref used);
            if (current + bytes > limit)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref used, current + bytes, current) == current)
            {
                return true;
            }
        }
    }

    public void Release(long bytes) => Interlocked.Add(ref used, -bytes);

    /// <summary>
    /// Reserves <paramref name="bytes"/> in both budgets, or in neither; the result gives them back once.
    /// </summary>
    public static IDisposable? TryReserve(UploadBudget view, UploadBudget server, long bytes)
    {
        if (!view.TryReserve(bytes))
        {
            return null;
        }

        if (!server.TryReserve(bytes))
        {
            view.Release(bytes);
            return null;
        }

        return new Reservation(view, server, bytes);
    }

    private sealed class Reservation(UploadBudget view, UploadBudget server, long bytes) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                view.Release(bytes);
                server.Release(bytes);
            }
        }
    }
}
