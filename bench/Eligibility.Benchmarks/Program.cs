using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Eligibility.Benchmarks;

// dotnet run -c Release --project bench/Eligibility.Benchmarks -- [--quick | --dump FILE | --floor | BenchmarkDotNet arguments]


if (args.Contains("--quick"))
{
    return Quick.Run(cpuClock: args.Contains("--cpu"));
}

if (args is ["--dump", var path])
{
    Dump.Write(path);
    return 0;
}

if (args is ["--loop", var what, var seconds])
{
    // For profilers (dotnet-trace, perf): one kind of work in a loop for a while.
    Quick.Loop(what, double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}

if (args is ["--alloc", var n, var explain, var code])
{
    Breakdown.Run(int.Parse(n, System.Globalization.CultureInfo.InvariantCulture), explain == "explain", code);
    return 0;
}

if (args is ["--alloc-types", var n2, var explain2])
{
    AllocationSampler.Run($"{n2} condition(s), {explain2}", int.Parse(n2, System.Globalization.CultureInfo.InvariantCulture), explain2 == "explain");
    return 0;
}

if (args.Contains("--phases"))
{
    Quick.Phases(countJit: args.Contains("--jit"));
    return 0;
}

if (args.Contains("--schema"))
{
    Schema.Print(args.Contains("--verbose"));
    return 0;
}

if (args.Contains("--floor"))
{
    // The smallest process for comparison with the CLI's: start the runtime, print one line, exit.
    Console.WriteLine("qualifies");
    return 0;
}

var config = DefaultConfig.Instance.AddExporter(new RatioFirstMarkdownExporter());
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return 0;
