using System.Runtime.CompilerServices;

namespace Hyper.Live.EntityFrameworkCore.Tests;

/// <summary>The shared value of a loaded row lives as long as a view holds it, not as long as the process.</summary>
public sealed class SharedRowsTests
{
    [Fact]
    public void A_row_held_by_a_view_is_the_same_value_for_every_view_and_goes_when_none_holds_it()
    {
        var name = "test:" + Guid.NewGuid().ToString("N");
        var held = SharedRows.Get(name);
        Assert.Same(held, SharedRows.Get(name));

        var released = ReleasedAfterCollection(name + ":gone");

        Assert.True(released, "a row no view holds was kept alive");
        GC.KeepAlive(held);
    }

    [Fact]
    public void Rows_no_view_holds_are_pruned_as_the_table_grows()
    {
        for (var i = 0; i < 3000; i++)
        {
            SharedRows.Get("prune:" + Guid.NewGuid().ToString("N"));
            if (i % 500 == 0)
            {
                GC.Collect();
            }
        }

        GC.Collect();
        for (var i = 0; i < 2100; i++)
        {
            SharedRows.Get("prune:" + Guid.NewGuid().ToString("N"));
        }

        Assert.True(SharedRows.Count < 5000, $"{SharedRows.Count} rows kept");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool ReleasedAfterCollection(string name)
    {
        var weak = Make(name);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return !weak.TryGetTarget(out _);

        [MethodImpl(MethodImplOptions.NoInlining)]
        static WeakReference<Shared<SavedRow?>> Make(string name) => new(SharedRows.Get(name));
    }
}
