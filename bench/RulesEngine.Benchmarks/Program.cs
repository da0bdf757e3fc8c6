using BenchmarkDotNet.Running;
using RulesEngine.Benchmarks;

// dotnet run -c Release --project bench/RulesEngine.Benchmarks -- corpus [--count N] [--out DIR]
// dotnet run -c Release --project bench/RulesEngine.Benchmarks -- batch DIR [--jobs N] [--extra-rules N] [--pass read|json|jsonl|match] [--output-root DIR]
// dotnet run -c Release --project bench/RulesEngine.Benchmarks -- stats LETTER   (one letter: time, allocation, VM work)
// dotnet run -c Release --project bench/RulesEngine.Benchmarks -- loop LETTER [--seconds N]   (read and match under a profiler)
// dotnet run -c Release --project bench/RulesEngine.Benchmarks -- paired DIR --variant tokens [--rounds N] [--jobs N] [--read-only]   (two ways, in turn, in one process)
// dotnet run -c Release --project bench/RulesEngine.Benchmarks -- components   (BenchmarkDotNet)
// dotnet run -c Release --project bench/RulesEngine.Benchmarks -- shapes   (each linearity shape on a 1 MB and a 4 MB letter)
var root = FindRoot();
string Option(string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

switch (args.FirstOrDefault())
{
    case "corpus":
        var count = int.Parse(Option("--count", "10000"));
        var output = Option("--out", Path.Combine(Path.GetTempPath(), "rulesengine-corpus"));
        CorpusGenerator.Generate(Path.Combine(root, "seeds"), output, count);
        Console.WriteLine($"{count} letters in {output}");
        return 0;
    case "batch" when args.Length > 1:
        BatchBenchmark.Run(args[1], Path.Combine(root, "rules"), int.Parse(Option("--jobs", Environment.ProcessorCount.ToString())), int.Parse(Option("--extra-rules", "0")),
            Option("--pass", "all"), Option("--output-root", Path.GetTempPath()));
        return 0;
    case "stats" when args.Length > 1:
        MatchStats.Print(root, args[1]);
        return 0;
    case "loop" when args.Length > 1:
        MatchStats.Loop(root, args[1], double.Parse(Option("--seconds", "10"), System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    case "coldstart" when args.Length > 1:
        ColdStart.Run(root, Path.GetFullPath(args[1]), int.Parse(Option("--runs", "10")));
        return 0;
    case "allocations" when args.Length > 1:
        AllocationCensus.Run(args[1], Path.Combine(root, "rules"), int.Parse(Option("--count", "1000")));
        return 0;
    case "paired" when args.Length > 1:
        PairedComparison.Run(root, args[1], Option("--variant", "tokens"), int.Parse(Option("--rounds", "40")), int.Parse(Option("--jobs", "2")), args.Contains("--read-only"));
        return 0;
    case "shapes":
        LinearityShapes.Time();
        return 0;
    case "components":
        ComponentBenchmarks.Root = root;
        // In process: BenchmarkDotNet's usual separate build of this project cannot regenerate the
        // ANTLR parser under its own output folders (the generated files are looked for in a
        // path it makes up), and the parts measured here need no process of their own.
        BenchmarkRunner.Run<ComponentBenchmarks>(args: ["--inProcess", .. args.Skip(1)]);
        return 0;
    default:
        Console.Error.WriteLine("usage: corpus [--count N] [--out DIR] | batch DIR [--jobs N] [--extra-rules N] [--pass read|json|jsonl|match] [--output-root DIR] | coldstart LETTER [--runs N] | allocations DIR [--count N] | stats LETTER | loop LETTER [--seconds N] | paired DIR [--variant tokens] [--rounds N] [--jobs N] [--read-only] | shapes | components");
        return 1;
}

static string FindRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RulesEngine.sln"))) directory = directory.Parent;
    return directory?.FullName ?? Directory.GetCurrentDirectory();
}
