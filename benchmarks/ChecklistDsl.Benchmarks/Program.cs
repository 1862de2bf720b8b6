using BenchmarkDotNet.Running;

// In-process by default (--inProcess): no separate benchmark project is generated and built (which
// would inherit the repository's build policy), so the benchmarks run from a clean clone. Any other
// command-line option applies as usual, e.g. --filter '*Incremental*' --job short.
var arguments = args.Any(a => a is "--inProcess" or "-i") ? args : [.. args, "--inProcess"];
BenchmarkSwitcher.FromAssembly(typeof(ChecklistDsl.Benchmarks.Sizes).Assembly).Run(arguments);
