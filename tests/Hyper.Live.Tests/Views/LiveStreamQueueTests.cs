namespace Hyper.Live.Tests.Views;

/// <summary>What a <see cref="LiveStream{T}"/> keeps queued between renders: no more than can reach the page.</summary>
public sealed class LiveStreamQueueTests
{
    private static LiveStream<int> Numbers() => new(n => $"n-{n}");

    [Fact]
    public void Appends_with_a_negative_limit_queue_only_the_last_items_they_would_keep()
    {
        var stream = Numbers();

        for (var n = 1; n <= 1000; n++)
        {
            stream.Insert(n, limit: -3);
        }

        Assert.Equal(3, stream.PendingCount);
    }

    [Fact]
    public void Other_inserts_are_all_kept()
    {
        var stream = Numbers();

        stream.Insert(1, limit: -2);
        stream.Insert(2, at: 0, limit: -2);
        stream.Insert(3, limit: -5);
        stream.Insert(4, limit: -5);
        stream.Insert(5);
        stream.Update(6);

        Assert.Equal(6, stream.PendingCount);
    }

    [Fact]
    public void Only_the_trailing_run_with_the_same_limit_is_shortened()
    {
        var stream = Numbers();

        stream.Insert(1, at: 0);
        for (var n = 2; n <= 10; n++)
        {
            stream.Insert(n, limit: -2);
        }

        Assert.Equal(3, stream.PendingCount); // the prepend, then the last two appends
    }

    [Fact]
    public void A_queued_append_inserted_again_or_deleted_leaves_the_run_counted_right()
    {
        var stream = Numbers();

        stream.Insert(1, limit: -2);
        stream.Insert(2, limit: -2);
        stream.Insert(1, limit: -2); // moves to the end: the run is 2, 1
        stream.DeleteById("n-2");    // the run is 1
        stream.Insert(3, limit: -2);
        stream.Insert(4, limit: -2); // the run is 1, 3, 4: 1 is dropped

        Assert.Equal(3, stream.PendingCount); // 3 and 4, and the delete of 2
    }
}
