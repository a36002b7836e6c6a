using System.Globalization;
using System.Text;
using Microsoft.Diagnostics.Runtime;

namespace Hyper.Live.LoadTest;

/// <summary>
/// Where the server's managed bytes are, per type and per session: attaches to the server
/// (suspending it for the walk) with ClrMD and sums the heap's objects by type. Run right
/// after a forced full collection, so nearly everything counted is live.
/// </summary>
internal static class HeapStatistics
{
    public static string Describe(int pid, int sessions, int top)
    {
        var byType = new Dictionary<string, (long Count, long Bytes)>(StringComparer.Ordinal);
        long total = 0;
        using (var target = DataTarget.AttachToProcess(pid, suspend: true))
        {
            var runtime = target.ClrVersions[0].CreateRuntime();
            foreach (var item in runtime.Heap.EnumerateObjects())
            {
                if (!item.IsValid || item.IsFree)
                {
                    continue;
                }

                var name = item.Type?.Name ?? "?";
                var size = (long)item.Size;
                byType.TryGetValue(name, out var sum);
                byType[name] = (sum.Count + 1, sum.Bytes + size);
                total += size;
            }
        }

        var text = new StringBuilder();
        var per = Math.Max(1, sessions);
        text.Append(CultureInfo.InvariantCulture, $"| type | objects / session | bytes / session |\n|---|---:|---:|\n");
        foreach (var (name, sum) in byType.OrderByDescending(pair => pair.Value.Bytes).Take(top))
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{name.Replace("|", "\\|", StringComparison.Ordinal)}` | {sum.Count / (double)per:F2} | {sum.Bytes / (double)per:F0} |\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"| all types ({byType.Count}) | | {total / (double)per:F0} |\n");
        return text.ToString();
    }
}
