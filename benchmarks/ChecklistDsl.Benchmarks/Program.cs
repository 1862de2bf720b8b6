using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process by default: no separate benchmark project is generated and built (which would inherit the
// repository's build policy), so the benchmarks run from a clean clone. Command-line jobs (--job short) apply on top.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
BenchmarkSwitcher.FromAssembly(typeof(ChecklistDsl.Benchmarks.Sizes).Assembly).Run(args, config);
