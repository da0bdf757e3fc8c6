using System.Diagnostics;
using RulesEngine.Batch;
using RulesEngine.Language.Compilation;
using RulesEngine.Output;
using RulesEngine.Reading;

namespace RulesEngine.Benchmarks;

/// <summary>
/// The whole-batch timing: the full pack over a folder of letters end to end (read, match,
/// write JSON per letter), and a reference pass that only reads and tokenises the same batch.
/// Reports MB/s, letters/s and peak memory. Wall-clock, on whatever else the machine is doing:
/// run it a few times and keep the median.
/// </summary>
internal static class BatchBenchmark
{
    public static void Run(string letters, string rules, int jobs, int extraRules)
    {
        var files = Directory.GetFiles(letters, "*.txt").Order(StringComparer.Ordinal).ToList();
        var bytes = files.Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"batch: {files.Count} letters, {bytes / 1e6:0.0} MB, {jobs} job(s), {Environment.ProcessorCount} cores");

        var compileWatch = Stopwatch.StartNew();
        var compilation = extraRules > 0 ? CompileWithExtraRules(rules, extraRules) : RuleCompiler.CompileFolder(rules);
        var program = compilation.Program ?? throw new InvalidOperationException(compilation.Format());
        Console.WriteLine($"compile: {compileWatch.Elapsed.TotalMilliseconds:0} ms ({program.RuleNames.Count()} rules)");

        var readOnly = Time(() =>
        {
            files.AsParallel().WithDegreeOfParallelism(jobs).ForAll(f =>
            {
                var loaded = LetterLoader.Load(LetterSource.FromFile(f));
                if (loaded.Text is not null) LetterReader.Read(loaded.Name, loaded.Text);
            });
        });
        Report("read+tokenise only", files.Count, bytes, readOnly);

        var output = Directory.CreateTempSubdirectory("rulesengine-bench-").FullName;
        try
        {
            var writer = new JsonFilesWriter(output);
            var failed = 0;
            var full = Time(() =>
            {
                foreach (var outcome in BatchRunner.Run(program, files.Select(LetterSource.FromFile), jobs, default, ((ILetterWriter)writer).Prepare))
                {
                    writer.Write(outcome);
                    if (!outcome.Succeeded) failed++;
                }
                writer.Complete();
            });
            Report("full pack end to end", files.Count, bytes, full);
            var matchOnly = Time(() =>
            {
                foreach (var outcome in BatchRunner.Run(program, files.Select(LetterSource.FromFile), jobs)) { }
            });
            Report("again, read and match only (warm)", files.Count, bytes, matchOnly);


            Console.WriteLine($"failed letters: {failed}");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB");
        Console.WriteLine($"GCs: gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}; total pause {GC.GetTotalPauseDuration().TotalSeconds:0.00} s; allocated {GC.GetTotalAllocatedBytes() / 1e9:0.00} GB");
    }

    /// <summary>The pack plus rules that never match, to see that matching cost stays flat in the number of rules.</summary>
    private static Compilation CompileWithExtraRules(string rules, int count)
    {
        var folder = Directory.CreateTempSubdirectory("rulesengine-extra-").FullName;
        CopyFolder(rules, folder);
        var extra = new System.Text.StringBuilder();
        for (var i = 0; i < count; i++)
            extra.Append($"rule never_{i}\n  match \"zq{i}x\" (word | number){{1,3}} \"never{i}\" -> m\n  emit summary = text(m)\n\n");
        File.WriteAllText(Path.Combine(folder, "zz-extra.rules"), "import \"ofsted.rules\"\n" + extra);
        return RuleCompiler.CompileFolder(folder);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }

    private static void Report(string what, int letters, long bytes, TimeSpan elapsed) =>
        Console.WriteLine($"{what}: {elapsed.TotalSeconds:0.00} s, {bytes / 1e6 / elapsed.TotalSeconds:0.0} MB/s, {letters / elapsed.TotalSeconds:0} letters/s");
}
