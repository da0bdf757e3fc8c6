using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RulesEngine.Language.Compilation;
using RulesEngine.Matching;
using RulesEngine.Reading;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Reliability;

/// <summary>
/// Rule files built from the language's own constructs, at sizes and counts past every limit
/// (nested counted repetitions, long gaps, chains of named patterns that double, deep groups,
/// lookarounds holding captures, regexes with inline options): compiling any of them gives
/// diagnostics or a program within the budget, never an exception, and the program runs over a
/// letter. CI runs a few thousand; `bench/fuzz.sh` runs 100,000 and more.
/// </summary>
public class CompilerPropertyTests
{
    /// <summary>Cases per property in CI; the fuzz job sets RULESENGINE_FUZZ_CASES.</summary>
    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("RULESENGINE_FUZZ_CASES"), out var cases) ? cases : 1500;

    private static readonly Document Letter = LetterReader.Read("seed", Seeds.Text(Seeds.Apa));

    // Mostly counts a rule writer would use; sometimes one past a limit, or past what a number can hold.
    private static Gen<string> Count() => Gen.Frequency(
        (6, Gen.Elements("1", "2", "3", "5")),
        (2, Gen.Elements("0", "49", "50", "255")),
        (1, Gen.Elements("51", "256", "1000", "99999", "2147483647", "99999999999")));

    // Mostly constructs that compile; sometimes one that cannot (an unknown name, a broken regex,
    // an inline option, a negated phrase), so that both paths are walked.
    private static Gen<string> Atom() => Gen.Frequency(
        (10, Gen.Elements("\"good\"", "\"is good\"", "\"the council's\"", "exact \"Ofsted\"", "number", "word", "cap", "any", "punct", "grade", "@Graded",
            "^", "$", "...", "/[a-z]+/", "/(?i)good/", "/a{2,}/", "!\"good\"", "!grade")),
        (3, Count().Select(n => $"... up to {n}")),
        (3, Gen.Choose(0, 3).Select(i => $"p{i}")),
        (1, Gen.Elements("\"\"", "unknown_name", "@Never", "/(?x)a#b/", "/[/", "!(\"a\" \"b\")", "p9")));

    private static Gen<string> Quantifier() => Gen.Frequency(
        (6, Gen.Elements("", "?", "*", "+")),
        (3, from min in Count() from max in Count() from form in Gen.Choose(0, 2)
            select form switch { 0 => $"{{{min}}}", 1 => $"{{{min},{max}}}", _ => $"{{{min},}}" }));

    private static Gen<string> Pattern(int depth) => depth <= 0
        ? Atom()
        : Gen.Frequency(
            (3, Atom()),
            (3, from items in Gen.ListOf(Pattern(depth - 1), 2) select "(" + string.Join(" ", items) + ")"),
            (2, from items in Gen.ListOf(Pattern(depth - 1), 3) select "(" + string.Join(" | ", items) + ")"),
            (3, from inner in Pattern(depth - 1) from quantifier in Quantifier() select $"({inner}){quantifier}"),
            (1, from inner in Pattern(depth - 1) from look in Gen.Elements("followed by", "not followed by", "preceded by", "not preceded by") select $"{look} ({inner})"),
            (1, from inner in Pattern(depth - 1) from name in Gen.Elements("c1", "c2") select $"({inner}) -> {name}"));

    private static Gen<string> RuleFile() =>
        from depth in Gen.Choose(1, 4)
        from named in Gen.ListOf(Pattern(depth - 1), 4)
        from doubling in Gen.Frequency((4, Gen.Choose(0, 8)), (1, Gen.Choose(9, 30)))
        from rules in Gen.ListOf(Pattern(depth), 2)
        from scopes in Gen.ListOf(Gen.Elements("", "  within sentence\n", "  within section\n  within paragraph\n", "  within table\n  within cell\n  within item\n",
            "  within section where after \"summary\"\n", "  within section where heading matches (cap+) -> c2\n"), 3)
        from modes in Gen.Elements("all", "longest", "first")
        select $"lexicon grade {{\n  outstanding => 4\n  good => 3\n  \"not good enough\" => 1\n}}\nphase values longest\nphase extract {modes}\n" +
               "rule graded\n  phase values\n  match grade -> g\n  annotate Graded = value(g)\n" +
               string.Concat(named.Select((p, i) => $"pattern p{i} = {p}\n")) +
               // A chain of named patterns, each twice the last: past about 17 links it is over the budget.
               string.Concat(Enumerable.Range(0, doubling).Select(i => $"pattern d{i + 1} = d{i} d{i}\n")) + "pattern d0 = \"good\"\n" +
               string.Concat(rules.Select((p, i) => $"rule r{i}\n  phase extract\n{scopes[i]}  match ({p} d{doubling % 5}) -> c1\n  emit hits[] = text(c1)\n"));

    [Fact]
    public void GeneratedRuleFiles_CompileWithinTheBudgetOrGiveDiagnostics_AndRun() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true), Prop.ForAll(RuleFile().ToArbitrary(), CompileAndRun));

    /// <summary>The generated files with a few characters cut or repeated: what a half-edited file in an editor looks like.</summary>
    [Fact]
    public void MutatedGeneratedRuleFiles_GiveDiagnosticsNeverACrash()
    {
        var gen =
            from text in RuleFile()
            from at in Gen.Choose(0, 10_000)
            from length in Gen.Choose(0, 12)
            from copies in Gen.Choose(0, 3)
            let start = at % (text.Length + 1)
            let cut = text.Substring(start, Math.Min(length, text.Length - start))
            select text[..start] + string.Concat(Enumerable.Repeat(cut, copies)) + text[(start + cut.Length)..];
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true), Prop.ForAll(gen.ToArbitrary(), CompileAndRun));
    }

    private static void CompileAndRun(string text)
    {
        var compilation = RuleCompiler.CompileText("generated.rules", text);
        Assert.All(compilation.Diagnostics, d => Assert.True(d.Location.Line >= 0 && d.Message.Length > 0));
        _ = compilation.Format();
        if (compilation.Program is not { } program) return;
        foreach (var rule in program.Rules) Assert.InRange(rule.Program.Code.Length, 1, PatternBudget.MaxInstructions + 1);
        foreach (var look in program.Lookarounds) Assert.InRange(look.Program.Code.Length, 1, PatternBudget.MaxInstructions + 1);
        try
        {
            DocumentMatcher.Run(program, Letter);
        }
        catch (MatchBudgetExceededException)
        {
            // A costly pattern stops at the step limit: that is the bound working, not a crash.
        }
    }
}
