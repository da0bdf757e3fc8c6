using BenchmarkDotNet.Attributes;
using RulesEngine.Language.Compilation;
using RulesEngine.Matching;
using RulesEngine.Reading;

namespace RulesEngine.Benchmarks;

/// <summary>BenchmarkDotNet benchmarks of the parts: reading a letter, compiling the pack, matching one letter, writing its JSON.</summary>
[MemoryDiagnoser]
public class ComponentBenchmarks
{
    private string _apa = "";
    private string _rating = "";
    private Document _apaDocument = null!;
    private RuleProgram _program = null!;
    private Output.LetterResult _apaResult = null!;
    private readonly System.Buffers.ArrayBufferWriter<byte> _json = new(64 * 1024);

    public static string Root { get; set; } = ".";

    [GlobalSetup]
    public void Setup()
    {
        _apa = File.ReadAllText(Path.Combine(Root, "seeds", "001_40b1d20b9b1c5b4c.txt"));
        _rating = File.ReadAllText(Path.Combine(Root, "seeds", "000_c8c4be644e6a807e.txt"));
        _apaDocument = LetterReader.Read("apa", _apa);
        _program = RuleCompiler.CompileFolder(Path.Combine(Root, "rules")).Program!;
        _apaResult = DocumentMatcher.Run(_program, _apaDocument);
    }

    [Benchmark]
    public Document ReadApaLetter() => LetterReader.Read("apa", _apa);

    private readonly TokenPool _tokens = new();

    /// <summary>As the batch's workers read: token objects reused from the letter before.</summary>
    [Benchmark]
    public Document ReadApaLetterPooled() => LetterReader.Read("apa", _apa, _tokens);

    [Benchmark]
    public Document ReadRatingLetter() => LetterReader.Read("rating", _rating);

    [Benchmark]
    public RuleProgram CompilePack() => RuleCompiler.CompileFolder(Path.Combine(Root, "rules")).Program!;

    [Benchmark]
    public Output.LetterResult MatchApaLetter() => DocumentMatcher.Run(_program, _apaDocument);

    /// <summary>As a batch writes a file per letter: indented, with evidence, into a buffer reused from the letter before.</summary>
    [Benchmark]
    public int SerializeApaLetter()
    {
        _json.ResetWrittenCount();
        Output.JsonOutput.SerializeTo(_json, _apaResult);
        return _json.WrittenCount;
    }
}

/// <summary>Counts what matching one letter costs (rules considered, VM runs, VM steps) and where the time goes.</summary>
internal static class MatchStats
{
    /// <summary>Reads and matches one letter over and over, for a sampling profiler (perf, dotnet-trace) to attach to.</summary>
    public static void Loop(string root, string letter, double seconds)
    {
        var program = RuleCompiler.CompileFolder(Path.Combine(root, "rules")).Program!;
        var text = File.ReadAllText(letter);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var letters = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            DocumentMatcher.Run(program, LetterReader.Read("x", text));
            letters++;
        }
        Console.WriteLine($"{letters} times in {watch.Elapsed.TotalSeconds:0.0} s: {watch.Elapsed.TotalMilliseconds / letters:0.000} ms per letter");
    }

    public static void Print(string root, string letter)
    {
        var program = RuleCompiler.CompileFolder(Path.Combine(root, "rules")).Program!;
        var text = File.ReadAllText(letter);
        // Warm up first, so the figures are for code the JIT has fully optimised.
        Document document = null!;
        for (var i = 0; i < 300; i++) DocumentMatcher.Run(program, document = LetterReader.Read("x", text), null, out _, out _);
        Thread.Sleep(500);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 100; i++) document = LetterReader.Read("x", text);
        var read = watch.Elapsed.TotalMilliseconds / 100;
        watch.Restart();
        for (var i = 0; i < 100; i++) DocumentMatcher.Run(program, document, null, out _, out _);
        var match = watch.Elapsed.TotalMilliseconds / 100;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var gcs = GC.CollectionCount(0);
        var result = DocumentMatcher.Run(program, document, null, out var steps, out var context);
        Console.WriteLine($"  allocated {(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024} KB matching, {GC.CollectionCount(0) - gcs} gen0 GCs");
        allocated = GC.GetAllocatedBytesForCurrentThread();
        LetterReader.Read("x", text);
        Console.WriteLine($"  allocated {(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024} KB reading");
        foreach (var (rule, ticks) in result.RuleTicks.OrderByDescending(p => p.Value).Take(8))
            Console.WriteLine($"  {rule}: {ticks * 1000.0 / System.Diagnostics.Stopwatch.Frequency:0.00} ms");
        // As the batch writer does: UTF-8 into a buffer reused from letter to letter.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
        void Serialise(int times)
        {
            for (var i = 0; i < times; i++)
            {
                buffer.ResetWrittenCount();
                Output.JsonOutput.SerializeTo(buffer, result);
            }
        }
        Serialise(300); // warmed up like reading and matching above
        watch.Restart();
        Serialise(100);
        var serialise = watch.Elapsed.TotalMilliseconds / 100;
        var folder = Directory.CreateTempSubdirectory("stats-").FullName;
        var json = Output.JsonOutput.Serialize(result);
        watch.Restart();
        for (var i = 0; i < 100; i++) Output.AtomicFile.WriteAllText(Path.Combine(folder, $"x{i}.json"), json);
        var write = watch.Elapsed.TotalMilliseconds / 100;
        Directory.Delete(folder, true);
        Console.WriteLine($"serialise {serialise:0.00} ms, atomic write {write:0.00} ms");
        Console.WriteLine($"{document.Tokens.Length} tokens: read {read:0.00} ms, match {match:0.00} ms; considered {context.Considered}, runs {context.Runs}, steps {steps}");
    }
}
