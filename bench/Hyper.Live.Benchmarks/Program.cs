using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
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

// Without --job, a moderate job keeps the whole suite to a few minutes on 2 cores;
// --job short / medium / long (or any BenchmarkDotNet option) still works.
var config = DefaultConfig.Instance;
if (!args.Any(a => a is "--job" or "-j"))
{
    config = config.AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(15).WithId("Quick").AsDefault());
}

BenchmarkSwitcher.FromAssembly(typeof(CounterBenchmarks).Assembly).Run(args, config);
