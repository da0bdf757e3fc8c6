using RulesEngine.Diagnostics;
using RulesEngine.Language.Compilation;

namespace RulesEngine.Tests.Language;

/// <summary>
/// Rule files written to exhaust the compiler get one error at the construct that would, never
/// a crash, a stack overflow or an out-of-memory: sizes, depths and gaps have limits.
/// </summary>
public class CompileBudgetTests
{
    private static Diagnostic OnlyError(string text)
    {
        var compilation = RuleCompiler.CompileText("hostile.rules", text);
        Assert.Null(compilation.Program);
        return Assert.Single(compilation.Errors);
    }

    private const string Emit = "\n  emit x = text(m)\n";

    [Fact]
    public void NestedCountedRepetitions_AreReportedAtTheOneThatGoesOverTheLimit()
    {
        var error = OnlyError("rule r\n  match ((((\"a\"{50}){50}){50}){50}) -> m" + Emit);
        Assert.Equal(DiagnosticCodes.PatternTooLarge, error.Code);
        Assert.Equal("this pattern expands to 125,000 instructions; the limit is 100,000: use '+' or '*' instead of large counts, or fewer copies of a named pattern", error.Message);
        Assert.Equal((2, 26), (error.Location.Line, error.Location.Column)); // the third {50}: 50 x 50 x 50
    }

    [Fact]
    public void NamedPatternsThatDoubleThirtyTimes_AreReportedAtTheFirstTooLarge()
    {
        var text = "pattern p0 = \"a\"\n" + string.Concat(Enumerable.Range(1, 30).Select(i => $"pattern p{i} = p{i - 1} p{i - 1}\n")) + "rule r\n  match p30 -> m" + Emit;
        var error = OnlyError(text);
        Assert.Equal(DiagnosticCodes.PatternTooLarge, error.Code);
        Assert.StartsWith("this pattern expands to 131,072 instructions", error.Message);
        Assert.Equal(18, error.Location.Line);
    }

    [Fact]
    public void AChainOfAHundredThousandNamedPatterns_IsTooDeepNotAStackOverflow()
    {
        var text = "pattern p0 = \"a\"\n" + string.Concat(Enumerable.Range(1, 100_000).Select(i => $"pattern p{i} = p{i - 1}\n")) + "rule r\n  match p100000 -> m" + Emit;
        var error = OnlyError(text);
        Assert.Equal(DiagnosticCodes.PatternTooLarge, error.Code);
        Assert.Contains($"the limit is {PatternBudget.MaxDepth}", error.Message);
    }

    [Theory]
    [InlineData("rule r\n  match {0}\"a\"{1} -> m\n  emit x = text(m)\n", "(", ")")]
    [InlineData("rule r\n  match \"a\" {0}\"b\"{1} -> m\n  emit x = text(m)\n", "followed by (", ")")]
    [InlineData("rule r\n  match {0}\"a\" -> m\n  emit x = text(m)\n", "!", "")]
    [InlineData("rule r\n  match \"a\" -> m\n  emit x = {0}1{1}\n", "[", "]")]
    [InlineData("rule r\n  match \"a\" -> m\n  emit x = {0}1{1}\n", "{ a: ", "}")]
    public void BracketsNestedAHundredThousandDeep_AreOneErrorBeforeParsing(string template, string open, string close)
    {
        var text = string.Format(template, string.Concat(Enumerable.Repeat(open, 100_000)), string.Concat(Enumerable.Repeat(close, 100_000)));
        var error = OnlyError(text);
        Assert.Equal(DiagnosticCodes.NestedTooDeep, error.Code);
        Assert.Contains($"the limit is {RulesEngine.Language.Syntax.RuleFileParser.MaxNesting}", error.Message);
    }

    [Fact]
    public void BracketsNestedToTheLimit_StillCompile()
    {
        var depth = RulesEngine.Language.Syntax.RuleFileParser.MaxNesting - 1;
        var compilation = RuleCompiler.CompileText("deep.rules",
            $"rule r\n  match {new string('(', depth)}\"a\"{new string(')', depth)} -> m\n  emit x = text(m)\n");
        Assert.Empty(compilation.Errors);
    }

    [Theory]
    [InlineData(256)]
    [InlineData(100_000_000)]
    public void AGapLongerThanAMatchCanBe_IsAnError(int gap)
    {
        var error = OnlyError($"rule r\n  match (\"a\" ... up to {gap} \"b\") -> m" + Emit);
        Assert.Equal(DiagnosticCodes.BadRepetition, error.Code);
        Assert.Equal("a gap allows at most 255 tokens (a match covers at most 256); write '... up to 255' or less", error.Message);
    }

    [Fact]
    public void AGapAtItsLimit_Compiles() =>
        Assert.Empty(RuleCompiler.CompileText("gap.rules", "rule r\n  match (\"a\" ... up to 255 \"b\") -> m" + Emit).Errors);

    [Fact]
    public void PatternsInACycle_AreEachReported_AndAPatternUsingThemIsNot()
    {
        var compilation = RuleCompiler.CompileText("cycle.rules",
            "pattern a = b \"x\"\npattern b = c\npattern c = a | \"y\"\npattern d = a \"z\"\nrule r\n  match d -> m" + Emit);
        Assert.Equal(["a", "b", "c"], compilation.Errors.Select(e => e.Message.Split('\'')[1]).Order());
        Assert.All(compilation.Errors, e => Assert.Equal(DiagnosticCodes.RecursivePattern, e.Code));
    }

    [Fact]
    public void ThirtyRulesSharingAHundredThousandEntryLexicon_AreCheckedForTiesOncePerPair()
    {
        var lexicon = "lexicon big {\n" + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"  \"w{i} x{i}\" => \"v{i}\"\n")) + "}\n";
        var rules = string.Concat(Enumerable.Range(0, 30).Select(i => $"rule r{i}\n  phase p\n  match big -> m\n  emit x = value(m)\n"));
        var compilation = RuleCompiler.CompileText("big.rules", "phase p longest\n" + lexicon + rules);
        Assert.Equal(30 * 29 / 2, compilation.Diagnostics.Count(d => d.Code == DiagnosticCodes.PossibleTie));
    }

    [Theory]
    [InlineData("emit rating { grade: value(m) }", "emit rating.grade = value(m)")]
    [InlineData("emit rating = { grade: value(m) }", "emit rating.grade = value(m)")]
    [InlineData("emit rating { grade: value(m) }", "emit rating { grade: value(m), text: text(m) }")]
    public void RulesWritingTheSameFieldInDifferentForms_AreATie(string first, string second)
    {
        var text = "output { rating: rating }\nrecord rating { grade: text, text: text }\nphase p longest\nlexicon g { good }\n" +
                   $"rule a\n  phase p\n  match g -> m\n  {first}\nrule b\n  phase p\n  match g -> m\n  {second}\n";
        var compilation = RuleCompiler.CompileText("ties.rules", text);
        Assert.Empty(compilation.Errors);
        var tie = Assert.Single(compilation.Diagnostics, d => d.Code == DiagnosticCodes.PossibleTie);
        Assert.Contains("rules 'a' and 'b'", tie.Message);
    }

    [Fact]
    public void RulesWritingDifferentFieldsOfOneRecord_AreNoTie()
    {
        var text = "output { rating: rating }\nrecord rating { grade: text, text: text }\nphase p longest\nlexicon g { good }\n" +
                   "rule a\n  phase p\n  match g -> m\n  emit rating { grade: value(m) }\nrule b\n  phase p\n  match g -> m\n  emit rating.text = text(m)\n";
        var compilation = RuleCompiler.CompileText("ties.rules", text);
        Assert.Empty(compilation.Errors);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Code == DiagnosticCodes.PossibleTie);
    }
}
