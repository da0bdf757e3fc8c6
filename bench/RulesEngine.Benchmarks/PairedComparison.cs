using System.Diagnostics;
using RulesEngine.Language.Compilation;
using RulesEngine.Matching;
using RulesEngine.Output;
using RulesEngine.Reading;

namespace RulesEngine.Benchmarks;

/// <summary>
/// Two ways of doing a letter's work (read, match, serialise; or only read), run in turn over the same letters
/// in one process, many times: this machine's speed drifts by a third within minutes, so two
/// separate runs cannot show a change of a few per cent, but rounds taken in turn drift together.
/// Reports the ratio of each pair of rounds. The variants are the engine's own switches.
/// </summary>
internal static class PairedComparison
{
    private static readonly Dictionary<string, (string Name, Func<string, string, Document> Read)[]> Variants = new()
    {
        // Token objects made fresh for every letter, or reused from the thread's last letter as the batch does.
        ["tokens"] = [("fresh", LetterReader.Read), ("pooled", (name, text) => LetterReader.Read(name, text, TokenPool.ForThread))],
    };

    public static void Run(string root, string letters, string variant, int rounds, int jobs, bool readOnly)
    {
        if (!Variants.TryGetValue(variant, out var pair)) throw new ArgumentException($"no variant '{variant}'; known: {string.Join(", ", Variants.Keys)}");
        var program = RuleCompiler.CompileFolder(Path.Combine(root, "rules")).Program!;
        var texts = Directory.EnumerateFiles(letters, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileNameWithoutExtension(f), Text: File.ReadAllText(f))).ToArray();
        var times = new List<double>[] { [], [] };
        // Round 0 warms both up; after that the order within a round alternates.
        for (var round = 0; round <= rounds; round++)
            foreach (var side in round % 2 == 0 ? [0, 1] : new[] { 1, 0 })
            {
                var watch = Stopwatch.StartNew();
                Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = jobs }, i =>
                {
                    var document = pair[side].Read(texts[i].Name, texts[i].Text);
                    if (!readOnly) JsonOutput.SerializeToThreadBuffer(DocumentMatcher.Run(program, document), indented: true);
                });
                if (round > 0) times[side].Add(watch.Elapsed.TotalMilliseconds);
            }
        var ratios = times[1].Zip(times[0], (second, first) => second / first).Order().ToList();
        Console.WriteLine($"{texts.Length} letters, {rounds} rounds of each, {jobs} jobs{(readOnly ? ", reading only" : "")}");
        for (var side = 0; side < 2; side++)
        {
            var sorted = times[side].Order().ToList();
            Console.WriteLine($"  {pair[side].Name}: median {sorted[sorted.Count / 2]:0} ms a round (fastest {sorted[0]:0}, slowest {sorted[^1]:0})");
        }
        Console.WriteLine($"  {pair[1].Name} / {pair[0].Name}, round by round: median {ratios[ratios.Count / 2]:0.000}, quartiles {ratios[ratios.Count / 4]:0.000}-{ratios[3 * ratios.Count / 4]:0.000}");
    }
}
