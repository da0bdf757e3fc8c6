using System.Diagnostics;
using RulesEngine.Batch;
using RulesEngine.Language.Compilation;
using RulesEngine.Output;
using RulesEngine.Reading;

namespace RulesEngine.Benchmarks;

/// <summary>
/// The whole-batch timing: the full pack over a folder of letters end to end (read, match,
/// write JSON per letter; and to one JSON Lines file), a reference pass that only reads and
/// tokenises the same batch, and the file system's own cost of the per-letter files. Reports
/// MB/s, letters/s and peak memory. Wall-clock, on whatever else the machine is doing:
/// run it a few times and keep the median. One pass alone (`--pass`) is for a profiler.
/// </summary>
internal static class BatchBenchmark
{
    /// <param name="outputRoot">Where the output goes (default: the temp folder); a memory file system (/dev/shm) separates the engine's cost from the disk's.</param>
    public static void Run(string letters, string rules, int jobs, int extraRules, string pass, string outputRoot)
    {
        bool Runs(string name) => pass == "all" || pass == name;
        var files = Directory.GetFiles(letters, "*.txt").Order(StringComparer.Ordinal).ToList();
        var bytes = files.Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"batch: {files.Count} letters, {bytes / 1e6:0.0} MB, {jobs} job(s), {Environment.ProcessorCount} cores");

        var compileWatch = Stopwatch.StartNew();
        var compilation = extraRules > 0 ? CompileWithExtraRules(rules, extraRules) : RuleCompiler.CompileFolder(rules);
        var program = compilation.Program ?? throw new InvalidOperationException(compilation.Format());
        Console.WriteLine($"compile: {compileWatch.Elapsed.TotalMilliseconds:0} ms ({program.RuleNames.Count()} rules)");

        if (Runs("read")) ReadOnly(files, bytes, jobs);

        Console.WriteLine($"output under {outputRoot}");
        var output = Directory.CreateDirectory(Path.Combine(outputRoot, $"rulesengine-bench-{Environment.ProcessId}")).FullName;
        try
        {
            if (Runs("json")) WritePerLetterFiles(program, files, bytes, jobs, output);
            if (Runs("jsonl")) WriteJsonLines(program, files, bytes, jobs, outputRoot);
            if (Runs("match"))
            {
                var matchOnly = Time(() =>
                {
                    foreach (var outcome in BatchRunner.Run(program, files.Select(LetterSource.FromFile), jobs, keepText: false)) { }
                });
                Report("read and match only, no output", files.Count, bytes, matchOnly);
            }
            Console.WriteLine($"peak working set of the engine passes: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB");
            Console.WriteLine($"GCs: gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}; total pause {GC.GetTotalPauseDuration().TotalSeconds:0.00} s; allocated {GC.GetTotalAllocatedBytes() / 1e9:0.00} GB");
            if (Runs("json")) TimeFileSystemAlone(output, jobs, outputRoot);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>Our own ceiling: reading and tokenising the batch, no rules.</summary>
    private static void ReadOnly(List<string> files, long bytes, int jobs)
    {
        var readOnly = Time(() => files.AsParallel().WithDegreeOfParallelism(jobs).ForAll(f =>
        {
            // As the batch's workers read: the text decoded into the thread's pool, then read from it.
            var loaded = LetterLoader.Load(LetterSource.FromFile(f), TokenPool.ForThread);
            if (loaded.Succeeded) LetterReader.Read(loaded.Name, loaded.Chars, TokenPool.ForThread);
        }));
        Report("read+tokenise only", files.Count, bytes, readOnly);
    }

    private static void WritePerLetterFiles(RulesEngine.Matching.RuleProgram program, List<string> files, long bytes, int jobs, string output)
    {
        var writer = new JsonFilesWriter(output);
        var failed = 0;
        var full = Time(() =>
        {
            foreach (var outcome in BatchRunner.Run(program, files.Select(LetterSource.FromFile), jobs, default, ((ILetterWriter)writer).Prepare, keepText: false))
            {
                writer.Write(outcome);
                if (!outcome.Succeeded) failed++;
            }
            writer.Complete();
        });
        Report("full pack end to end, JSON file per letter", files.Count, bytes, full);
        Console.WriteLine($"failed letters: {failed}");
    }

    private static void WriteJsonLines(RulesEngine.Matching.RuleProgram program, List<string> files, long bytes, int jobs, string outputRoot)
    {
        var lines = Path.Combine(outputRoot, $"rulesengine-bench-{Environment.ProcessId}.jsonl");
        var jsonLines = Time(() =>
        {
            var linesWriter = new JsonLinesWriter(lines);
            foreach (var outcome in BatchRunner.Run(program, files.Select(LetterSource.FromFile), jobs, default, ((ILetterWriter)linesWriter).Prepare, keepText: false))
                linesWriter.Write(outcome);
            linesWriter.Complete();
        });
        Report("full pack end to end, one JSON Lines file", files.Count, bytes, jsonLines);
        File.Delete(lines);
    }

    private static void TimeFileSystemAlone(string output, int jobs, string outputRoot)
    {
        // The file system's share of that run: the same bytes written atomically again, no engine.
        var written = Directory.GetFiles(output).Select(File.ReadAllBytes).ToList();
        var again = Directory.CreateDirectory(Path.Combine(outputRoot, $"rulesengine-bench-writes-{Environment.ProcessId}")).FullName;
        var writes = Time(() => written.Select((json, i) => (json, i)).AsParallel().WithDegreeOfParallelism(jobs)
            .ForAll(x => AtomicFile.WriteAllBytes(Path.Combine(again, $"{x.i}.json"), x.json)));
        Directory.Delete(again, recursive: true);
        Console.WriteLine($"the file system alone (the same {written.Count} files, {written.Sum(w => w.Length) / 1e6:0} MB, written atomically without the engine): {writes.TotalSeconds:0.00} s");
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
