using RulesEngine.Language.Compilation;
using RulesEngine.Matching;
using RulesEngine.Reading;

namespace RulesEngine.Benchmarks;

/// <summary>
/// Rule shapes whose cost must grow linearly with a letter: scope chains, conditions, long
/// lookarounds, repetitions at their limits, a match at every token. `LinearityTests` counts their
/// steps on letters of two sizes (this file is compiled into the tests too); `bench ... shapes`
/// times each on a 1 MB and a 4 MB letter.
/// </summary>
internal static class LinearityShapes
{
    /// <summary>A stretch of letter with a section, sentences, list items and a table whose cells hold bullets: repeated to any length.</summary>
    public const string Unit = "## Heading x\n\na a b a c. a b a a c a.\n\n- a b c\n- b a a\n\na\tb \u2022 a \u2022 c\tc\nb\ta\ta c\n\n";

    /// <summary>Each shape: its `within` clauses (or none) and its pattern.</summary>
    public static readonly (string Scopes, string Pattern)[] All =
    [
        ("within section\n  within sentence", "\"a\""),
        ("within table\n  within cell\n  within item", "\"a\""),
        ("within section where after \"heading\"", "\"a\""),
        ("within section where heading matches \"heading\" any\n  within paragraph", "\"a\""),
        ("", "\"c\" preceded by (\"b\" ... up to 250 \"a\")"),
        ("", "\"c\" not preceded by (\"b\" any{40})"),
        ("", "\"a\" followed by (... up to 250 \"c\")"),
        ("", "(\"a\" | \"b\"){1,50} \"c\""),
        ("", "any{50}"),
        ("", "\"a\" ... up to 255 \"c\""),
        ("", "any"),
    ];

    /// <summary>A one-rule program for a shape, in an `all` phase or a `longest` one (where overlapping matches are settled).</summary>
    public static RuleProgram Program((string Scopes, string Pattern) shape, bool longest)
    {
        var rules = (longest ? "phase p longest\n" : "") + "rule r\n" + (longest ? "  phase p\n" : "") +
                    (shape.Scopes.Length > 0 ? $"  {shape.Scopes}\n" : "") + $"  match ({shape.Pattern}) -> m\n  emit hits[] = text(m)";
        var compilation = RuleCompiler.CompileText("shape.rules", rules);
        return compilation.Program ?? throw new InvalidOperationException(compilation.Format());
    }

    public static Document Letter(int units) => LetterReader.Read("long", string.Concat(Enumerable.Repeat(Unit, units)));

    /// <summary>Times each shape on a letter of about 1 MB and one of about 4 MB (Release build).</summary>
    public static void Time()
    {
        foreach (var units in new[] { 13_000, 52_000 })
        {
            var letter = Letter(units);
            Console.WriteLine($"letter of {letter.Text.Length / 1_048_576.0:0.0} MB, {letter.Tokens.Length:N0} tokens");
            foreach (var shape in All)
            foreach (var longest in new[] { false, true })
            {
                var program = Program(shape, longest);
                var watch = System.Diagnostics.Stopwatch.StartNew();
                DocumentMatcher.Run(program, letter, null, out var steps, out var context);
                Console.WriteLine($"  {watch.Elapsed.TotalSeconds,6:0.00} s {(steps + context.PlacesVisited) / letter.Tokens.Length,5} steps/token  {(longest ? "longest " : "")}{(shape.Scopes + " match " + shape.Pattern).Replace("\n  ", " ").Trim()}");
            }
        }
    }
}
