using System.Collections.Concurrent;
using Hyper.Live.Sessions;

namespace Hyper.Live.Tests.Sessions;

/// <summary>The session's mailbox on its own: order, one message at a time, and what stopping guarantees.</summary>
public sealed class MailboxTests
{
    [Fact]
    public async Task Messages_are_handled_one_at_a_time_in_the_order_posted()
    {
        var mailbox = new RecordingMailbox(delay: true);
        mailbox.Start();
        var posters = Enumerable.Range(0, 4).Select(p => Task.Run(() =>
        {
            for (var i = 0; i < 250; i++)
            {
                mailbox.Post($"{p}:{i}");
            }
        }));
        await Task.WhenAll(posters);
        await mailbox.WaitForAsync(1000);

        Assert.Equal(1, mailbox.MostAtOnce);
        foreach (var poster in Enumerable.Range(0, 4))
        {
            // Each poster's own messages keep their order.
            var own = mailbox.Handled.Where(m => m.StartsWith($"{poster}:", StringComparison.Ordinal)).Select(m => int.Parse(m[2..], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Enumerable.Range(0, 250), own);
        }
    }

    [Fact]
    public async Task Messages_posted_before_start_wait_for_it()
    {
        var mailbox = new RecordingMailbox();
        mailbox.Post("early");
        await Task.Delay(50);
        Assert.Empty(mailbox.Handled);

        mailbox.Start();
        await mailbox.WaitForAsync(1);

        Assert.Equal(["early"], mailbox.Handled);
    }

    [Fact]
    public async Task Stopping_drops_what_is_queued_refuses_more_and_finishes_once()
    {
        var mailbox = new RecordingMailbox();
        var gate = new TaskCompletionSource();
        mailbox.Gate = gate.Task;
        mailbox.Start();
        mailbox.Post("first");
        mailbox.Post("second");
        mailbox.Post("third");
        await mailbox.WaitForStartedAsync();

        mailbox.Stop();
        Assert.False(mailbox.Post("after"));
        gate.SetResult();
        await mailbox.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["first"], mailbox.Handled);
        Assert.Equal(["second", "third"], mailbox.Dropped);
        Assert.Equal(1, mailbox.Stops);
        mailbox.Stop();
        await Task.Delay(50);
        Assert.Equal(1, mailbox.Stops);
    }

    [Fact]
    public async Task A_handler_that_throws_stops_the_mailbox_and_it_still_finishes()
    {
        var mailbox = new RecordingMailbox { ThrowOn = "boom" };
        mailbox.Start();
        mailbox.Post("boom");
        mailbox.Post("never");

        await mailbox.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, mailbox.Stops);
        Assert.DoesNotContain("never", mailbox.Handled);
    }

    [Fact]
    public async Task A_failing_teardown_still_completes_the_mailbox()
    {
        var mailbox = new RecordingMailbox { FailOnStop = true };
        mailbox.Start();

        mailbox.Stop();

        await mailbox.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, mailbox.Stops);
    }

    private sealed class RecordingMailbox(bool delay = false) : Mailbox<string>
    {
        private readonly ConcurrentQueue<string> handled = new();
        private readonly ConcurrentQueue<string> dropped = new();
        private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int running;
        private int mostAtOnce;
        private int stops;

        public Task Gate { get; set; } = Task.CompletedTask;

        public string? ThrowOn { get; init; }

        public bool FailOnStop { get; init; }

        public IReadOnlyList<string> Handled => [.. handled];

        public IReadOnlyList<string> Dropped => [.. dropped];

        public int MostAtOnce => Volatile.Read(ref mostAtOnce);

        public int Stops => Volatile.Read(ref stops);

        public async Task WaitForAsync(int count)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (handled.Count < count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }
        }

        public Task WaitForStartedAsync() => started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        protected override async Task HandleAsync(string message)
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            started.TrySetResult();
            try
            {
                if (message == ThrowOn)
                {
                    throw new InvalidOperationException(message);
                }

                await Gate;
                if (delay)
                {
                    await Task.Yield();
                }

                handled.Enqueue(message);
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }

        protected override void OnDropped(string message) => dropped.Enqueue(message);

        protected override Task OnStoppedAsync()
        {
            Interlocked.Increment(ref stops);
            return FailOnStop ? Task.FromException(new InvalidOperationException("teardown failed")) : Task.CompletedTask;
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }
}
