using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Eligibility.Benchmarks;

// dotnet run -c Release --project bench/Eligibility.Benchmarks -- [--quick | --dump FILE | --floor | BenchmarkDotNet arguments]
if (args.Contains("--quick"))
{
    return Quick.Run();
}

if (args is ["--dump", var path])
{
    Dump.Write(path);
    return 0;
}

if (args.Contains("--phases"))
{
    Quick.Phases();
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
