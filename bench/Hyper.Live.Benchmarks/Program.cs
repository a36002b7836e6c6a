using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;
using Hyper.Live.Benchmarks;

if (args.Contains("--sizes"))
{
    Sizes.Print();
    return;
}

if (args.Contains("--allocs"))
{
    AllocationProfile.Print();
    return;
}

if (args.Contains("--cpu"))
{
    CpuTime.Print(args);
    return;
}

if (args.Contains("--upload"))
{
    await UploadBench.RunAsync(args);
    return;
}

if (args.Contains("--spin"))
{
    Spin.Run(args);
    return;
}

// Without --job, a moderate job keeps the whole suite to a few minutes on 2 cores;
// --job short / medium / long (or any BenchmarkDotNet option) still works.
var config = DefaultConfig.Instance.AddColumn(StatisticColumn.Median, StatisticColumn.Min);
if (!args.Any(a => a is "--job" or "-j"))
{
    config = config.AddJob(Job.Default
        .WithLaunchCount(1)
        .WithWarmupCount(5)
        .WithIterationCount(15)
        .WithIterationTime(TimeInterval.FromMilliseconds(250))
        .WithId("Quick")
        .AsDefault());
}

BenchmarkSwitcher.FromAssembly(typeof(CounterBenchmarks).Assembly).Run(args, config);
